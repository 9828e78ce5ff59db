using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Roster.Directory.Database;

namespace Roster.Server.Health;

/// <summary>
/// Readiness of the database: it answers (one query of the migrations history, on a primary when
/// the connection string asks for one) and its schema is the one this build expects, neither
/// behind (a migration pending) nor ahead (a newer Roster migrated it). What it says names no
/// host, user or password: the probe answers anyone.
/// </summary>
public sealed class DatabaseHealthCheck(DirectoryDatabase database) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        SchemaState schema;
        try
        {
            schema = await database.SchemaStateAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("unreachable");
        }

        return schema switch
        {
            { Pending: > 0 } => HealthCheckResult.Unhealthy($"schema behind: {schema.Pending} migrations pending"),
            { Unknown: > 0 } => HealthCheckResult.Unhealthy($"schema ahead: {schema.Unknown} migrations of a newer Roster"),
            _ => HealthCheckResult.Healthy("ok"),
        };
    }
}
