using System.CommandLine;
using Roster.Directory.Tenants;

namespace Roster.Cli.Commands;

/// <summary>
/// The frame of every command that acts on one tenant's data: open the database (migrated), check
/// the tenant exists, run the action in a service scope. Exit codes: 0 done, 2 refused (with the
/// reason on stderr). Every command with a <c>--tenant</c> option goes through here, so none can
/// act on (or report an empty list for) a tenant that does not exist.
/// </summary>
public static class TenantAction
{
    public static void Set(Command command, Option<string> data, Option<Guid> tenant, Func<ParseResult, IServiceProvider, Guid, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken);
            await using var scope = services.CreateAsyncScope();
            var orgId = parse.GetValue(tenant);
            if (await scope.ServiceProvider.GetRequiredService<FindTenant>().ExecuteAsync(orgId, cancellationToken) is null)
            {
                await Console.Error.WriteLineAsync($"No tenant has org ID {orgId}; see 'roster tenants list'.");
                return CliErrors.ExitCode;
            }

            return await action(parse, scope.ServiceProvider, orgId, cancellationToken);
        });
    }
}
