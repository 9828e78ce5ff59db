using Roster.Storage.Sqlite;

namespace Roster.Server.Hosting;

/// <summary>Where the directory lives (section <c>Storage</c>); read by <see cref="RosterStorage.From"/>.</summary>
public sealed class StorageOptions
{
    /// <summary><c>sqlite</c> or <c>postgres</c> (also <c>postgresql</c>), case-insensitive.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// SQLite: a file path (<c>/var/lib/roster/roster.db</c>) or a connection string (<c>Data Source=...</c>),
    /// by default <c>roster.db</c> in the working folder; PostgreSQL: an Npgsql connection string, required.
    /// <c>--data</c> (or <c>ROSTER_DATA</c>) takes its place when given.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite only: when the server copies the write-ahead log into the database file, off the request path.</summary>
    public SqliteCheckpointOptions SqliteCheckpoints { get; set; } = new();
}
