using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Roster.Server.Health;

/// <summary>
/// Not ready from the moment shutdown starts (SIGTERM, Ctrl+C, <c>systemctl stop</c>): a load
/// balancer that watches <c>/health/ready</c> stops sending new requests while the node still
/// serves the ones it has (<see cref="ShutdownDrain"/>).
/// </summary>
public sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public const string Name = "shutdown";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("stopping")
            : HealthCheckResult.Healthy("ok"));
}
