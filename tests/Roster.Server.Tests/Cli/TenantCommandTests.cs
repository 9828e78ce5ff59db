using System.CommandLine;
using System.Globalization;
using Roster.Cli.Commands;
using Roster.Directory.Tests.Support;

namespace Roster.Server.Tests.Cli;

/// <summary>
/// Every command that takes <c>--tenant</c>, found in the command tree (so a new one is covered
/// without being listed here), refuses a tenant that does not exist: exit code 2 and a message
/// naming the org ID, before it reads or writes anything.
/// </summary>
public sealed class TenantCommandTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("roster-cli-").FullName;

    private string Data => Path.Combine(_directory, "roster.db");

    [Fact]
    public void The_command_tree_has_tenant_commands_to_check()
    {
        var commands = TenantCommands(RosterCommandLine.Create(), []).Select(c => string.Join(' ', c.Path)).ToList();

        Assert.Contains("tokens list", commands);
        Assert.Contains("roles rename", commands);
        Assert.Contains("webhooks create", commands);
    }

    [SqliteFact]
    public async Task Every_tenant_command_refuses_an_unknown_tenant_with_exit_code_2()
    {
        Assert.Equal(0, (await RosterProcess.RunAsync("migrate", "--data", Data)).ExitCode);
        var unknown = Guid.NewGuid().ToString();
        var root = RosterCommandLine.Create();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var slots = new SemaphoreSlim(2);
        await Task.WhenAll(TenantCommands(root, []).Select(async command =>
        {
            var args = command.Path.Concat(command.Arguments).Concat(["--data", Data, "--tenant", unknown]).ToArray();
            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                failures.Add($"{string.Join(' ', args)}: does not parse: {parsed.Errors[0].Message}");
                return;
            }

            await slots.WaitAsync();
            try
            {
                var (code, _, error) = await RosterProcess.RunAsync(args);
                if (code != 2 || !error.Contains(unknown, StringComparison.Ordinal))
                {
                    failures.Add($"{string.Join(' ', command.Path)}: exit code {code}, stderr '{error.Trim()}'");
                }
            }
            finally
            {
                slots.Release();
            }
        }));

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures.Order(StringComparer.Ordinal)));
    }

    /// <summary>The leaf commands with a <c>--tenant</c> option, each with a value for every other required option.</summary>
    private static IEnumerable<(string[] Path, string[] Arguments)> TenantCommands(Command command, string[] path)
    {
        string[] here = command is RootCommand ? [] : [.. path, command.Name];
        if (command.Options.Any(o => o.Name == "--tenant"))
        {
            var arguments = command.Options.Where(o => o.Required && o.Name is not "--tenant" and not "--data")
                .SelectMany(o => new[] { o.Name, SampleOf(o.ValueType) })
                .Concat(command.Arguments.Select(a => SampleOf(a.ValueType)))
                .ToArray();
            yield return (here, arguments);
        }

        foreach (var child in command.Subcommands.SelectMany(c => TenantCommands(c, here)))
        {
            yield return child;
        }
    }

    /// <summary>A value the parser accepts for a type; the tenant check comes before any use of it.</summary>
    private static string SampleOf(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
        return element switch
        {
            _ when element == typeof(Guid) => Guid.NewGuid().ToString(),
            _ when element == typeof(int) || element == typeof(long) => "1",
            _ when element == typeof(bool) => "true",
            _ when element == typeof(Uri) => "https://idp.example.com/",
            _ when element == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch.ToString("O", CultureInfo.InvariantCulture),
            { IsEnum: true } => Enum.GetNames(element)[0],
            _ => "https://idp.example.com/",
        };
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder; a locked file must not fail the run.
        }
    }
}
