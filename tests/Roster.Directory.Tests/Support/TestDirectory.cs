using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Mail;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Directory.Tenants;
using Roster.Storage.Postgres;
using Roster.Storage.Sqlite;

namespace Roster.Directory.Tests.Support;

/// <summary>
/// One directory over its own database, wired as the server wires it (AddRosterDirectory +
/// AddRosterSqlite or AddRosterPostgres, see <see cref="TestStorage"/>): a SQLite file in a fresh
/// temp folder, or a fresh PostgreSQL database; with a fake clock and one tenant ready.
/// </summary>
public sealed class TestDirectory : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    private readonly PostgresTestDatabase? _postgres;

    private TestDirectory(string folder, string path, PostgresTestDatabase? postgres, ServiceProvider services, FakeTimeProvider time)
    {
        Folder = folder;
        FilePath = path;
        _postgres = postgres;
        Services = services;
        Time = time;
    }

    public string Folder { get; }

    /// <summary>The SQLite file (SQLite-only tests; see <see cref="SqliteFactAttribute"/>).</summary>
    public string FilePath { get; }

    /// <summary>The PostgreSQL database's connection string (PostgreSQL-only tests).</summary>
    public string PostgresConnectionString => _postgres?.ConnectionString ?? throw new InvalidOperationException("This directory is on SQLite.");

    /// <summary>Where the directory's emails land, as <c>.eml</c> files (the pickup folder sender).</summary>
    public string MailFolder => System.IO.Path.Combine(Folder, "mail");

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public DirectoryDatabase Database => Services.GetRequiredService<DirectoryDatabase>();

    /// <summary>The Users store as the server gets it: behind the tenant's SCIM on/off switch.</summary>
    public IScimResourceStore Users => Services.GetRequiredKeyedService<IScimResourceStore>(DirectoryServiceCollectionExtensions.UsersKey);

    /// <summary>The Groups store as the server gets it: behind the tenant's SCIM on/off switch.</summary>
    public IScimResourceStore Groups => Services.GetRequiredKeyedService<IScimResourceStore>(DirectoryServiceCollectionExtensions.GroupsKey);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>An administrator of the directory's first tenant, as the audit log credits them.</summary>
    public AdminActor Admin => new(Caller.TenantId, null, null, "console", PermissionSet.Unbounded);

    /// <summary>The caller of the tenant created with the directory.</summary>
    public ScimCaller Caller { get; private set; } = null!;

    /// <summary>A directory over a fresh database, with its first tenant unless <paramref name="migrate"/> is false.</summary>
    /// <param name="migrate">Whether to migrate the database and create the first tenant.</param>
    /// <param name="configure">Registers services before the directory's own (which are added only when missing).</param>
    public static async Task<TestDirectory> CreateAsync(bool migrate = true, Action<IServiceCollection>? configure = null)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "roster-directory-tests", Guid.NewGuid().ToString("N"));
        var path = System.IO.Path.Combine(folder, "roster.db");
        var time = new FakeTimeProvider(Start);
        var postgres = TestStorage.IsPostgres ? await PostgresTestDatabase.CreateAsync(migrated: migrate) : null;
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time);
        configure?.Invoke(services);

        // A list statement's time budget is wall-clock time: on a loaded machine (a CI runner's two
        // cores, a garbage collection of the 100,000-member group test beside it) an ordinary list
        // can pass the production default of two seconds and be refused as too costly. Tests of the
        // budget register their own limits first.
        services.TryAddSingleton(new DirectoryLimits { QueryTimeout = TimeSpan.FromMinutes(2) });
        services.AddRosterDirectory();
        _ = postgres is null ? services.AddRosterSqlite(path) : services.AddRosterPostgres(postgres.ConnectionString);
        var provider = services
            .AddRosterMail(new MailOptions { PickupFolder = System.IO.Path.Combine(folder, "mail") })
            .BuildServiceProvider();
        var directory = new TestDirectory(folder, path, postgres, provider, time);
        if (migrate)
        {
            // A PostgreSQL database is a copy of the migrated template; migrating finds nothing to do.
            await directory.Database.MigrateAsync(CancellationToken.None);
            directory.Caller = await directory.NewTenantAsync("Tenant A");
        }

        return directory;
    }

    /// <summary>
    /// A second directory on the same database, as a second server would be: its own contexts,
    /// connections and prepared statements. Dispose it.
    /// </summary>
    public ServiceProvider OtherNode()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(Time);
        services.AddRosterDirectory();
        _ = _postgres is null ? services.AddRosterSqlite(FilePath) : services.AddRosterPostgres(_postgres.ConnectionString);
        return services.AddRosterMail(new MailOptions { PickupFolder = MailFolder }).BuildServiceProvider();
    }

    /// <summary>A new tenant and a caller acting for it.</summary>
    public async Task<ScimCaller> NewTenantAsync(string name)
    {
        var tenant = await Get<CreateTenant>().ExecuteAsync(name, CancellationToken.None);
        return new ScimCaller(tenant.Id, null, "test", null, PermissionSet.Unbounded);
    }

    /// <summary>Moves the fake clock on.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>Runs SQL on the directory's database outside any use case, to set up states the API cannot reach.</summary>
    public async Task ExecuteSqlAsync(string sql)
    {
        await using var context = Database.CreateContext(Guid.Empty);
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first column of a query's rows, as text.</summary>
    public async Task<List<string?>> QuerySqlAsync(string sql)
    {
        await using var context = Database.CreateContext(Guid.Empty);
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string?>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? null : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return values;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        using (var connection = new SqliteConnection(SqliteConnectionStrings.From(FilePath)))
        {
            SqliteConnection.ClearPool(connection);
        }

        try
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
