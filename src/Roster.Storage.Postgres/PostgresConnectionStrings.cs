using System.Data.Common;
using Npgsql;

namespace Roster.Storage.Postgres;

/// <summary>Turns the operator's Npgsql connection string into the one Roster opens connections with.</summary>
public static class PostgresConnectionStrings
{
    /// <summary>Statements prepared per connection unless the operator says otherwise (<c>Max Auto Prepare</c>).</summary>
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>
    /// The connection string with Npgsql's automatic preparation on, unless it sets <c>Max Auto
    /// Prepare</c> itself (0 turns it off, e.g. behind a pooler without prepared statements). The
    /// directory runs the same few statements over and over, one per member when a PATCH adds many:
    /// prepared, each costs one round trip without a parse and plan, about three times faster.
    /// <para>
    /// It also turns off the reset of a pooled connection (<c>No Reset On Close</c>), unless it says
    /// otherwise. With prepared statements, Npgsql resets a connection returned to the pool with
    /// seven statements (<c>SET SESSION AUTHORIZATION DEFAULT</c>, <c>RESET ALL</c>, <c>CLOSE ALL</c>,
    /// <c>UNLISTEN *</c>, <c>pg_advisory_unlock_all()</c>, <c>DISCARD SEQUENCES</c>, <c>DISCARD TEMP</c>)
    /// sent with its next use: every request opens two or three sessions, so a dozen statements
    /// that undo nothing. Roster leaves no state on a pooled connection: its only setting
    /// (<c>statement_timeout</c>) and its only lock (the tenant's write lock) are local to a
    /// transaction, it opens no cursors, temporary tables or sequences, and it listens only on a
    /// connection of its own (<c>PostgresEventListener</c>); a transaction left open is still
    /// rolled back by Npgsql when its connection goes back to the pool, whatever this setting.
    /// </para>
    /// </summary>
    public static string From(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Says(given, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }

        if (!Says(given, "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    // Whether the operator's connection string sets the keyword, however it is spaced or cased.
    private static bool Says(DbConnectionStringBuilder given, string keyword) =>
        given.Keys.Cast<string>().Any(key => key.Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
}
