using System.Data.Common;
using Microsoft.Extensions.Options;
using Roster.Directory.Keys;

namespace Roster.Server.Keys;

/// <summary>
/// Rereads the OAuth keys every <see cref="KeysOptions.RefreshSeconds"/>, so that a key rotated by
/// <c>roster keys rotate</c> on any machine is published and then used by every node.
/// </summary>
public sealed partial class ServerKeyRefresh(ServerKeyCache cache, IOptions<KeysOptions> options, TimeProvider time, ILogger<ServerKeyRefresh> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.RefreshSeconds), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    cache.Refresh();
                }
                catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or KeyUnavailableException)
                {
                    LogRefreshFailed(logger, e.GetType().Name, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The OAuth keys could not be reread ({Error}: {Detail}); this node keeps the ones it has")]
    private static partial void LogRefreshFailed(ILogger logger, string error, string detail);
}
