using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Roster.Directory.Filtering;

namespace Roster.Storage.Sqlite;

/// <summary>
/// Prepares each SQLite connection EF opens: WAL (readers never wait for the writer),
/// <c>synchronous=NORMAL</c> (with WAL a commit is in the WAL file before it is acknowledged, so
/// it survives the process being killed; only a power cut or an OS crash can lose the last
/// commits since the WAL was last synced, and never leaves the file inconsistent), foreign keys on, a busy
/// timeout for other processes' writes, the case-folding function filters use, and a progress
/// handler that stops a statement past the deadline <see cref="StatementDeadline"/> arms. Pragmas,
/// the handler and the function stay with the pooled native handle, so they are set once per
/// handle. The function is registered on the native handle itself rather than through
/// <see cref="SqliteConnection.CreateFunction{T1, TResult}(string, Func{T1, TResult}, bool)"/>:
/// a connection removes the functions it registered every time it is closed and registers them
/// again when it is opened, two native calls per request for a function that never changes.
/// Where the server checkpoints in the background (<see cref="SqliteCheckpointer"/>), SQLite's own
/// automatic checkpoint is raised to <paramref name="walAutocheckpointPages"/>: it no longer runs
/// inside a request's commit, and stays the bound on the WAL should the background one fall behind.
/// </summary>
/// <param name="walAutocheckpointPages">The automatic checkpoint's threshold; SQLite's default (1,000 pages) when null.</param>
public sealed class SqliteConnectionSetup(int? walAutocheckpointPages = null) : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; " +
        "PRAGMA busy_timeout = 10000; PRAGMA cache_size = -8192; PRAGMA temp_store = MEMORY;";

    private readonly string _pragmas = walAutocheckpointPages is int pages ? $"{Pragmas} PRAGMA wal_autocheckpoint = {pages};" : Pragmas;

    private static readonly object Done = new();
    private static readonly ConditionalWeakTable<object, object> WithFunctions = new();
    private static readonly ConditionalWeakTable<object, object> PreparedHandles = new();

    // How many virtual machine instructions run between two looks at the clock: a few microseconds.
    private const int InstructionsPerCheck = 1_000;

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, StatementDeadline> Deadlines = new();

    /// <summary>The deadline of the statements run on <paramref name="connection"/>'s native handle (opened through EF).</summary>
    internal static StatementDeadline? DeadlineOf(SqliteConnection connection) =>
        connection.Handle is { } handle && Deadlines.TryGetValue(handle, out var deadline) ? deadline : null;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Prepare(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Prepare(connection);
        return Task.CompletedTask;
    }

    private void Prepare(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        var handle = sqlite.Handle;
        if (handle is not null && !WithFunctions.TryGetValue(handle, out _))
        {
            RegisterFold(handle);
            KeepPlansWhateverTheValues(handle);
            WithFunctions.AddOrUpdate(handle, Done);
        }

        // EF asks whether the file exists on a read-only connection: it cannot switch a database
        // not in WAL mode yet (a restored backup, a copy made by the sqlite3 shell); the next one will.
        if (handle is not null && !PreparedHandles.TryGetValue(handle, out _) && !ReadOnly(sqlite))
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = _pragmas;
            command.ExecuteNonQuery();
            var deadline = new StatementDeadline();
            SQLitePCL.raw.sqlite3_progress_handler(handle, InstructionsPerCheck, static state => ((StatementDeadline)state).Passed ? 1 : 0, deadline);
            Deadlines.AddOrUpdate(handle, deadline);
            PreparedHandles.AddOrUpdate(handle, Done);
        }
    }

    // The handle keeps the delegate alive (SQLitePCL holds it with the handle's hooks).
    private static void RegisterFold(SQLitePCL.sqlite3 handle)
    {
        var result = SQLitePCL.raw.sqlite3_create_function(
            handle,
            CaseFolding.SqlFunctionName,
            1,
            SQLitePCL.raw.SQLITE_UTF8 | SQLitePCL.raw.SQLITE_DETERMINISTIC,
            null,
            static (context, _, arguments) =>
            {
                if (SQLitePCL.raw.sqlite3_value_type(arguments[0]) == SQLitePCL.raw.SQLITE_NULL)
                {
                    SQLitePCL.raw.sqlite3_result_null(context);
                    return;
                }

                SQLitePCL.raw.sqlite3_result_text(context, CaseFolding.Fold(SQLitePCL.raw.sqlite3_value_text(arguments[0]).utf8_to_string()));
            });
        if (result != SQLitePCL.raw.SQLITE_OK)
        {
            throw new SqliteException($"Registering {CaseFolding.SqlFunctionName} failed: {SQLitePCL.raw.sqlite3_errstr(result).utf8_to_string()}", result);
        }
    }

    /// <summary>
    /// The query planner's stability guarantee (<c>SQLITE_DBCONFIG_ENABLE_QPSG</c>): a statement's
    /// plan never depends on the values bound to it. Without it SQLite reads the value bound to a
    /// <c>LIMIT</c> parameter while planning and marks the statement to be prepared again whenever
    /// that parameter is bound, which is at every run: a kept statement with <c>LIMIT @p</c> (a
    /// user's groups, every list page) was parsed and planned again at every request. Roster
    /// uses no <c>LIKE</c> or <c>GLOB</c> whose pattern the planner could use, and SQLite is built
    /// without STAT4, so no plan needs the values.
    /// </summary>
    private static void KeepPlansWhateverTheValues(SQLitePCL.sqlite3 handle)
    {
        var result = SQLitePCL.raw.sqlite3_db_config(handle, SqliteDbConfigEnableQpsg, 1, out _);
        if (result != SQLitePCL.raw.SQLITE_OK)
        {
            throw new SqliteException($"Enabling the query planner's stability guarantee failed: {SQLitePCL.raw.sqlite3_errstr(result).utf8_to_string()}", result);
        }
    }

    // sqlite3.h: #define SQLITE_DBCONFIG_ENABLE_QPSG 1007
    private const int SqliteDbConfigEnableQpsg = 1007;

    private static bool ReadOnly(SqliteConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
}
