using Roster.Directory.Events;

namespace Roster.Server.Events;

/// <summary>Prunes the feed, finished deliveries and the delivery log once an hour (<see cref="EventRetention"/>); every node may, the deletes do not clash.</summary>
public sealed partial class EventRetentionService(EventRetention retention, ILogger<EventRetentionService> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await retention.PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPruneFailed(logger, e);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning old events failed; it is tried again in an hour.")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
