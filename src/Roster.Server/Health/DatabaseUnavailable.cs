using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Roster.Server.Health;

/// <summary>
/// Whether an exception says the database cannot be reached now, rather than that a request is
/// wrong: no primary during a failover, a connection cut when the primary died, a server starting
/// or shutting down, too many connections, a SQLite file that cannot be opened or read. Such a
/// request is answered 503 with <c>Retry-After</c>, which every identity provider retries, instead
/// of a 500.
/// </summary>
public static class DatabaseUnavailable
{
    /// <summary>How long a client should wait before trying again.</summary>
    public const int RetryAfterSeconds = 2;

    // SQLite's primary result codes: SQLITE_IOERR, SQLITE_CANTOPEN (the file or its folder gone,
    // unreadable, the disk failing); SQLITE_BUSY and SQLITE_LOCKED are its transient ones.
    private const int SqliteIoError = 10;
    private const int SqliteCannotOpen = 14;

    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException database && Unreachable(database))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Unreachable(DbException exception) => exception switch
    {
        // A server's refusal: 08 connection exceptions, 57P operator intervention (shutting down,
        // starting, admin shutdown), 25006 a standby refusing a write, 53300 too many connections.
        PostgresException postgres => postgres.IsTransient || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState is "25006" or "53300",

        // Npgsql's own, with no server answer behind it: a refused or cut connection, a timeout,
        // no host of a multi-host string being the primary.
        NpgsqlException => true,
        SqliteException sqlite => sqlite.IsTransient || (sqlite.SqliteErrorCode & 0xFF) is SqliteIoError or SqliteCannotOpen,
        _ => exception.IsTransient,
    };
}
