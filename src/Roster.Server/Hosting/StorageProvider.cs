namespace Roster.Server.Hosting;

/// <summary>The database providers Roster can store its directory in.</summary>
public enum StorageProvider
{
    /// <summary>An embedded SQLite file: one node, nothing to install (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server: several nodes can share it.</summary>
    Postgres,
}
