using Npgsql;
using Roster.Directory.Database;
using Roster.Storage.Postgres;

namespace Roster.Directory.Tests.Support;

/// <summary>
/// A database of its own on the test PostgreSQL server, dropped on dispose. The schema is migrated
/// once per test process into a template database, and each database is a copy of it
/// (<c>CREATE DATABASE ... TEMPLATE</c>, a file copy that takes milliseconds), so every test starts
/// from a clean, current schema without paying for the migration. Never a skip: a server that
/// cannot be reached fails the test with how to start one.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "ROSTER_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    private PostgresTestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A new database: migrated (a copy of the template) or, when <paramref name="migrated"/> is false, empty.</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(bool migrated = true)
    {
        var template = migrated ? await Template.Value : "template0";
        var name = "roster_test_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync($"CREATE DATABASE {name} TEMPLATE {template}");
        return new PostgresTestDatabase(name, For(name));
    }

    public async ValueTask DisposeAsync()
    {
        ClearPools(ConnectionString);
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static string Server()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{TestStorage.ProviderVariable}=postgres, but {ServerVariable} is not set. Run the tests with 'bash scripts/test.sh', which starts " +
                $"a throw-away PostgreSQL server (it needs 'apt-get install -y postgresql'), or set {ServerVariable} to the Npgsql connection string " +
                "of a superuser on a server of your own, e.g. \"Host=127.0.0.1;Port=5432;Username=postgres;Password=...\".");
        }

        return server;
    }

    private static string For(string database) => new NpgsqlConnectionStringBuilder(Server()) { Database = database }.ConnectionString;

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(Server()) { Database = "postgres", Pooling = false, Timeout = 10 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The test PostgreSQL server ({builder.Host}:{builder.Port}) cannot be reached: {e.Message}. Run the tests with 'bash scripts/test.sh', " +
                $"which starts one (it needs 'apt-get install -y postgresql'), or point {ServerVariable} at a running server.", e);
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // The pool of the string given and that of the string Roster opens with (PostgresConnectionStrings).
    private static void ClearPools(string connectionString)
    {
        using var given = new NpgsqlConnection(connectionString);
        NpgsqlConnection.ClearPool(given);
        using var opened = new NpgsqlConnection(PostgresConnectionStrings.From(connectionString));
        NpgsqlConnection.ClearPool(opened);
    }

    // At process exit the server may be gone already: a template left behind goes with the throw-away server.
    private static void DropQuietly(string database)
    {
        try
        {
            ExecuteOnServerAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)").GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
        }
        catch (NpgsqlException)
        {
        }
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var name = "roster_template_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync($"CREATE DATABASE {name} TEMPLATE template0");
        var connectionString = For(name);
        await using (var services = new ServiceCollection().AddRosterDirectory().AddRosterPostgres(connectionString).BuildServiceProvider())
        {
            await services.GetRequiredService<DirectoryDatabase>().MigrateAsync(CancellationToken.None);
        }

        // A template must have no connections while it is copied.
        ClearPools(connectionString);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(name);
        return name;
    }
}
