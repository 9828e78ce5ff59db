using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Roster.Directory.Tests.Support;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// The database a crashed server is restarted on, per <c>ROSTER_TEST_STORAGE</c>: a SQLite file in
/// a temp folder, or an empty database on the test PostgreSQL server (the server migrates it on
/// its first start, as in production). Disposing deletes the folder and drops the database.
/// </summary>
public sealed class CrashDatabase : IAsyncDisposable
{
    private readonly string _folder;
    private readonly PostgresTestDatabase? _postgres;

    private CrashDatabase(string folder, PostgresTestDatabase? postgres)
    {
        _folder = folder;
        _postgres = postgres;
    }

    public bool IsSqlite => _postgres is null;

    public string SqliteFile => Path.Combine(_folder, "roster.db");

    /// <summary>The environment of <c>roster serve</c> on this database.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Storage__Provider"] = IsSqlite ? "sqlite" : "postgres",
        ["Storage__ConnectionString"] = IsSqlite ? SqliteFile : _postgres!.ConnectionString,
        ["Roster__Mail__PickupFolder"] = Path.Combine(_folder, "mail"),
        ["Logging__LogLevel__Default"] = "Warning",

        // The workers send as fast as the server answers; a 429 would count as a refused write.
        ["Roster__RateLimits__Enabled"] = "false",
    };

    public override string ToString() => IsSqlite ? "SQLite" : "PostgreSQL";

    public static async Task<CrashDatabase> CreateAsync()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-crash-").FullName;
        try
        {
            return new CrashDatabase(folder, TestStorage.IsPostgres ? await PostgresTestDatabase.CreateAsync(migrated: false) : null);
        }
        catch
        {
            System.IO.Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>A connection of the test's own, outside the server, unpooled so that it holds no lock once disposed.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsSqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = SqliteFile, Pooling = false }.ConnectionString)
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_postgres!.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
