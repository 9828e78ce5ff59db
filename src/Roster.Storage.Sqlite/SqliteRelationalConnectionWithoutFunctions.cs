using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Roster.Storage.Sqlite;

#pragma warning disable EF1001 // EF's own SQLite connection is internal API; this class only changes what it does per open and close.

/// <summary>
/// EF Core's SQLite connection, made for a connection per request:
/// <list type="bullet">
/// <item>Without the functions EF registers on every connection it creates (<c>regexp</c> and the
/// decimal arithmetic <c>ef_add</c>, <c>ef_compare</c>, ...). A function registered on a
/// <see cref="SqliteConnection"/> is added to the native handle at every open and removed at every
/// close: seven native registrations and seven removals per request for functions no Roster
/// statement calls (Roster stores no decimals through EF, queries with hand-written SQL, and
/// registers its own fold function once per native handle in <see cref="SqliteConnectionSetup"/>).
/// A LINQ query that needed one would fail with "no such function", loudly, in the tests.</item>
/// <item>Kept open while its pooled context waits for the next request, so the statements
/// prepared on it (<see cref="KeptCommands"/>) last: closing a <see cref="SqliteConnection"/>,
/// pooled or not, finalises every statement prepared on it. Only an idle connection stays open:
/// one inside a transaction (a session that ended without committing or rolling back) is closed
/// as before, which rolls the transaction back, so no lock and no half-done write outlives its
/// session. An open connection outside a transaction holds no lock and no snapshot: each statement
/// reads the database as it is when it starts (WAL), so a change committed by another connection
/// or process is seen by the next statement, as on a connection just opened. A broken connection
/// is closed and opened again by EF; the pooled context's disposal closes it for good.</item>
/// </list>
/// </summary>
internal sealed class SqliteRelationalConnectionWithoutFunctions(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal.SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(GetValidatedConnectionString());
        if (CommandTimeout is { } timeout)
        {
            connection.DefaultTimeout = timeout;
        }

        return connection;
    }

    protected override void CloseDbConnection()
    {
        if (!StaysOpen())
        {
            base.CloseDbConnection();
        }
    }

    protected override Task CloseDbConnectionAsync() => StaysOpen() ? Task.CompletedTask : base.CloseDbConnectionAsync();

    /// <summary>Open, and outside any transaction (SQLite's autocommit mode): nothing of the session that used it remains.</summary>
    private bool StaysOpen() =>
        DbConnection is SqliteConnection { State: ConnectionState.Open, Handle: { } handle }
        && SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0;
}
