using Microsoft.Extensions.Options;

namespace Roster.Server.Health;

/// <summary>
/// The first step of a graceful stop. The host fires <c>ApplicationStopping</c> (readiness turns
/// 503 at once, <see cref="ShutdownHealthCheck"/>), runs this, and only then stops Kestrel, which
/// refuses new connections and waits for the requests in flight: so for
/// <see cref="ShutdownOptions.DrainSeconds"/> the node still serves everything a load balancer
/// sends while it notices, and then finishes what it has.
/// </summary>
public sealed partial class ShutdownDrain(IOptions<ShutdownOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var drain = TimeSpan.FromSeconds(options.Value.DrainSeconds);
        if (drain <= TimeSpan.Zero)
        {
            return;
        }

        LogDraining(logger, options.Value.DrainSeconds);
        try
        {
            await Task.Delay(drain, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out first: stop listening now.
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: not ready; serving for {Seconds} more seconds while load balancers drain this node")]
    private static partial void LogDraining(ILogger logger, int seconds);
}
