using Npgsql;
using Roster.Directory.Events;
using Roster.Storage.Postgres;

namespace Roster.Server.Events;

/// <summary>
/// On PostgreSQL, hears the other nodes' commits: every write that appends events notifies
/// <see cref="PostgresDialect.EventsChannel"/> with its org ID, and this node's long polls and
/// webhook sender wake on it. A lost connection is reopened; meanwhile waiters still look again
/// every second.
/// </summary>
public sealed partial class PostgresEventListener(string connectionString, EventSignal signal, ILogger<PostgresEventListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 30 }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (Guid.TryParse(e.Payload, out var tenant))
                    {
                        signal.Signal(tenant);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresDialect.EventsChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.IO.IOException or InvalidOperationException)
            {
                LogListenFailed(logger, e);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other nodes' events failed; listening again.")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
