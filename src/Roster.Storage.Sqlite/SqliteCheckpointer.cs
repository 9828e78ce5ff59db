using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Roster.Directory.Database;

namespace Roster.Storage.Sqlite;

/// <summary>
/// Copies the WAL into the database off the request path. The server's request connections run
/// with SQLite's automatic checkpoint raised to <see cref="SqliteCheckpointOptions.MaxWalPages"/>
/// (see <see cref="SqliteConnectionSetup"/>); this loop, on a connection of its own, looks every
/// <see cref="SqliteCheckpointOptions.IntervalMilliseconds"/> whether anything was committed
/// (<c>PRAGMA data_version</c>, which also sees other processes' commits) and if so runs
/// <c>wal_checkpoint(PASSIVE)</c>: it copies what it can without waiting for or blocking any reader
/// or writer, and a writer that starts once everything is copied writes the WAL from its start
/// again. Under a steady stream of writes some writer always commits while it copies, so when the
/// WAL holds more than <see cref="SqliteCheckpointOptions.ResetWalPages"/> a second passive
/// checkpoint copies those last frames inside the write gate (this process's writers wait for that
/// short copy only), and the next writer starts the WAL again. After <see cref="SqliteCheckpointOptions.IdleMilliseconds"/> without a commit it runs
/// <c>wal_checkpoint(TRUNCATE)</c> inside the write gate (this process's writers queue behind it
/// rather than meeting a locked file), leaving a WAL of zero bytes. A checkpoint is the same
/// operation SQLite runs inside a commit otherwise, with the same fsyncs (WAL, then database,
/// under <c>synchronous=NORMAL</c>), so durability is unchanged: a process killed mid-checkpoint
/// recovers from the WAL, which keeps every frame until a complete checkpoint has been synced.
/// </summary>
public sealed partial class SqliteCheckpointer(
    string connectionString, SqliteCheckpointOptions options, IWriteGate gate, TimeProvider time, ILogger<SqliteCheckpointer> logger)
{
    private long _checkpoints;

    /// <summary>The settings: the request connections read <see cref="SqliteCheckpointOptions.MaxWalPages"/>.</summary>
    public SqliteCheckpointOptions Options => options;

    /// <summary>Checkpoints run since the start, passive and truncating.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled; a failed checkpoint is logged and tried again at the next change.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(options.IntervalMilliseconds);
        var idleAfter = TimeSpan.FromMilliseconds(options.IdleMilliseconds);
        await using var connection = await OpenAsync(stoppingToken);

        // What an earlier process left in the WAL (a crash, a CLI command) is copied first.
        var version = -1L;
        var lastChange = time.GetTimestamp();
        var truncated = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = DataVersion(connection);
                if (now != version)
                {
                    version = now;
                    lastChange = time.GetTimestamp();
                    truncated = false;
                    if (Checkpoint(connection, "PASSIVE") >= options.ResetWalPages)
                    {
                        // Writers committed while it copied, so none will find the WAL all copied
                        // and start it again: copy what they added with them held back, a short wait.
                        using (await gate.EnterAsync(stoppingToken))
                        {
                            Checkpoint(connection, "PASSIVE");
                        }
                    }
                }
                else if (!truncated && time.GetElapsedTime(lastChange) >= idleAfter)
                {
                    using (await gate.EnterAsync(stoppingToken))
                    {
                        truncated = Checkpoint(connection, "TRUNCATE") == 0;
                    }

                    // A reader (or another process's writer) kept it from finishing: the next idle look tries again.
                    lastChange = time.GetTimestamp();
                }
            }
            catch (SqliteException e)
            {
                LogFailed(logger, e);
            }

            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // Unpooled: the checkpointer keeps this one for its life, and never with a transaction open,
        // so it holds no snapshot that would keep a checkpoint from finishing.
        // A command that meets a lock is retried by the driver for DefaultTimeout seconds; one second at
        // most, since the checkpointer may hold the write gate meanwhile.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false, DefaultTimeout = 1 }.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Never wait for a lock inside SQLite: a checkpoint that would wait is tried again later.
        command.CommandText = "PRAGMA busy_timeout = 0;";
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    private static long DataVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA data_version;";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Runs one checkpoint; returns the frames in the WAL, or 0 when it is empty or was reset.</summary>
    private long Checkpoint(SqliteConnection connection, string mode)
    {
        var started = time.GetTimestamp();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        using var reader = command.ExecuteReader();
        reader.Read();
        var busy = reader.GetInt64(0) != 0;
        var walFrames = reader.GetInt64(1);
        var copied = reader.GetInt64(2);
        Interlocked.Increment(ref _checkpoints);
        var milliseconds = time.GetElapsedTime(started).TotalMilliseconds;
        LogCheckpoint(logger, mode, walFrames, copied, busy, milliseconds);
        return busy ? Math.Max(walFrames, 1) : Math.Max(walFrames, 0);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SQLite checkpoint ({Mode}): {WalFrames} frames in the WAL, {Copied} copied, busy {Busy}, {Milliseconds:F1} ms.")]
    private static partial void LogCheckpoint(ILogger logger, string mode, long walFrames, long copied, bool busy, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A SQLite checkpoint failed; it is tried again at the next change. Until one succeeds, the commit that takes the WAL past Storage:SqliteCheckpoints:MaxWalPages checkpoints it.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
