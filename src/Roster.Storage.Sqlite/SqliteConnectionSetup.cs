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
/// timeout for other processes' writes, and the case-folding function filters use. Pragmas
/// stay with the pooled native handle, so they run once per handle; functions belong to the
/// connection object, so they are registered once per object.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas =
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; " +
        "PRAGMA busy_timeout = 10000; PRAGMA cache_size = -8192; PRAGMA temp_store = MEMORY;";

    private static readonly object Done = new();
    private static readonly ConditionalWeakTable<SqliteConnection, object> WithFunctions = new();
    private static readonly ConditionalWeakTable<object, object> PreparedHandles = new();

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

        // EF asks whether the file exists on a read-only connection: it cannot switch a database
        // not in WAL mode yet (a restored backup, a copy made by the sqlite3 shell); the next one will.
        var handle = sqlite.Handle;
        if (handle is not null && !PreparedHandles.TryGetValue(handle, out _) && !ReadOnly(sqlite))
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
            PreparedHandles.AddOrUpdate(handle, Done);
        }
    }

    private static bool ReadOnly(SqliteConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly;
}
