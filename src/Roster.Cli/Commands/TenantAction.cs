using System.CommandLine;

namespace Roster.Cli.Commands;

/// <summary>
/// The frame of a command that acts on one tenant's data: open the database (migrated), check
/// the tenant exists, run. Exit codes: 0 done, 2 refused (with the reason on stderr).
/// </summary>
public static class TenantAction
{
    public static void Set(Command command, Option<string> data, Option<Guid> tenant, Func<ParseResult, IServiceProvider, Guid, CancellationToken, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.OpenAsync(parse.GetValue(data)!, cancellationToken);
            var orgId = parse.GetValue(tenant);
            if (await CliErrors.RequireTenantAsync(services, orgId, cancellationToken) is { } failed)
            {
                return failed;
            }

            return await action(parse, services, orgId, cancellationToken);
        });
    }
}
