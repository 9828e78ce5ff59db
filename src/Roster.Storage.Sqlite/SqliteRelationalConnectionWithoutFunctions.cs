using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Roster.Storage.Sqlite;

#pragma warning disable EF1001 // EF's own SQLite connection is internal API; this class only leaves out what it adds per connection.

/// <summary>
/// EF Core's SQLite connection without the functions EF registers on every connection it creates
/// (<c>regexp</c> and the decimal arithmetic <c>ef_add</c>, <c>ef_compare</c>, ...). A function
/// registered on a <see cref="SqliteConnection"/> is added to the native handle at every open and
/// removed at every close, and every SCIM request opens and closes its connection: seven native
/// registrations and seven removals per request for functions no Roster statement calls (Roster
/// stores no decimals through EF, queries with hand-written SQL, and registers its own fold
/// function once per native handle in <see cref="SqliteConnectionSetup"/>). A LINQ query that
/// needed one would fail with "no such function", loudly, in the tests.
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
}
