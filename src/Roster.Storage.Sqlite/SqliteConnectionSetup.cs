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
/// handler that stops a statement past the deadline <see cref="StatementDeadline"/> arms. Pragmas
/// and the handler stay with the pooled native handle, so they are set once per handle; functions
/// belong to the connection object, so they are registered once per object.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; " +
        "PRAGMA busy_timeout = 10000; PRAGMA cache_size = -8192; PRAGMA temp_store = MEMORY;";

    private static readonly object Done = new();
    private static readonly ConditionalWeakTable<SqliteConnection, object> WithFunctions = new();
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

    private static void Prepare(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return;
        }

        if (!WithFunctions.TryGetValue(sqlite, out _))
        {
            sqlite.CreateFunction<string?, string?>(CaseFolding.SqlFunctionName, static value => value is null ? null : CaseFolding.Fold(value), isDeterministic: true);
            WithFunctions.AddOrUpdate(sqlite, Done);
        }

        var handle = sqlite.Handle;
        if (handle is not null && !PreparedHandles.TryGetValue(handle, out _))
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            var deadline = new StatementDeadline();
            SQLitePCL.raw.sqlite3_progress_handler(handle, InstructionsPerCheck, static state => ((StatementDeadline)state).Passed ? 1 : 0, deadline);
            Deadlines.AddOrUpdate(handle, deadline);
            PreparedHandles.AddOrUpdate(handle, Done);
        }
    }
}
