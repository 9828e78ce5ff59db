using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;

namespace Roster.Server.Tests.Cli;

/// <summary>The <c>roster</c> command on PostgreSQL: real process, a fresh database of the test server.</summary>
public sealed class PostgresCommandLineTests
{
    [PostgresFact]
    public async Task Migrate_init_and_tokens_work_on_an_empty_postgres_database()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(migrated: false);
        var byData = Postgres();
        var byConfiguration = new Dictionary<string, string>(Postgres()) { ["Storage__ConnectionString"] = database.ConnectionString };

        var migrate = await RosterProcess.RunAsync(byData, "migrate", "--data", database.ConnectionString);
        var init = await RosterProcess.RunAsync(byConfiguration, "init", "--json");
        var orgId = JsonNode.Parse(init.Output)!["orgId"]!.GetValue<string>();
        var tokens = await RosterProcess.RunAsync(byData, "tokens", "list", "--data", database.ConnectionString, "--tenant", orgId, "--json");

        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("up to date", migrate.Output, StringComparison.Ordinal);
        Assert.True(init.ExitCode == 0, init.Error);
        Assert.True(tokens.ExitCode == 0, tokens.Error);
        Assert.Single(JsonNode.Parse(tokens.Output)!.AsArray());
    }

    [PostgresFact]
    public async Task Serve_migrates_bootstraps_a_tenant_and_serves_on_postgres()
    {
        await using var database = await PostgresTestDatabase.CreateAsync(migrated: false);
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["Storage__Provider"] = "postgres";
        start.Environment["Storage__ConnectionString"] = database.ConnectionString;
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "roster.dll"), "serve", "--urls", url })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var output = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.Add(line);
                if (line.StartsWith("Roster is listening", StringComparison.Ordinal))
                {
                    break;
                }
            }

            // The line is printed just before Kestrel binds: ask until it answers.
            using var client = new HttpClient();
            HttpResponseMessage? health = null;
            while (health is null)
            {
                try
                {
                    health = await client.GetAsync(new Uri($"{url}/health"), timeout.Token);
                }
                catch (HttpRequestException) when (!process.HasExited)
                {
                    await Task.Delay(50, timeout.Token);
                }
            }

            Assert.Contains(output, l => l.StartsWith("SCIM token:", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_fails_saying_what_to_set()
    {
        var (code, _, error) = await RosterProcess.RunAsync(Postgres(), "migrate", "--data", "roster.db");

        Assert.Equal(2, code);
        Assert.StartsWith("Storage:Provider is postgres, so Storage:ConnectionString", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Postgres() => new() { ["Storage__Provider"] = "postgres" };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
