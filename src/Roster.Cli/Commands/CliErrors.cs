using Roster.Directory.Administration;
using Roster.Directory.Tenants;

namespace Roster.Cli.Commands;

/// <summary>How operator commands report an expected failure: one line on stderr and exit code 2.</summary>
public static class CliErrors
{
    public const int ExitCode = 2;

    public static async Task<int> ReportAsync(AdminError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        await Console.Error.WriteLineAsync(error.Detail);
        return ExitCode;
    }

    /// <summary>Null when the tenant exists; otherwise reports it and gives the exit code.</summary>
    public static async Task<int?> RequireTenantAsync(IServiceProvider services, Guid orgId, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<ITenantService>().FindAsync(orgId, cancellationToken) is not null)
        {
            return null;
        }

        await Console.Error.WriteLineAsync($"No tenant has org ID {orgId}; see 'roster tenants list'.");
        return ExitCode;
    }
}
