using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Mail;
using Roster.Directory.Resources;
using Roster.Directory.Tenants;
using Roster.Directory.Tokens;
using Roster.Storage.Sqlite;

namespace Roster.Directory.Tests.Support;

/// <summary>
/// One directory over its own SQLite file in a fresh temp folder, wired as the server wires it
/// (AddRosterDirectory + AddRosterSqlite), with a fake clock and one tenant ready.
/// </summary>
public sealed class TestDirectory : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    private TestDirectory(string folder, string path, ServiceProvider services, FakeTimeProvider time)
    {
        Folder = folder;
        FilePath = path;
        Services = services;
        Time = time;
    }

    public string Folder { get; }

    public string FilePath { get; }

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
    public AdminActor Admin => new(Caller.TenantId, null, null, "console");

    public IScimTokenService Tokens => Services.GetRequiredService<IScimTokenService>();

    public ITenantService Tenants => Services.GetRequiredService<ITenantService>();

    /// <summary>The caller of the tenant created with the directory.</summary>
    public ScimCaller Caller { get; private set; } = null!;

    public static async Task<TestDirectory> CreateAsync(bool migrate = true)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "roster-directory-tests", Guid.NewGuid().ToString("N"));
        var path = System.IO.Path.Combine(folder, "roster.db");
        var time = new FakeTimeProvider(Start);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddRosterDirectory()
            .AddRosterSqlite(path)
            .AddRosterMail(new MailOptions { PickupFolder = System.IO.Path.Combine(folder, "mail") })
            .BuildServiceProvider();
        var directory = new TestDirectory(folder, path, services, time);
        if (migrate)
        {
            await directory.Database.MigrateAsync(CancellationToken.None);
            directory.Caller = await directory.NewTenantAsync("Tenant A");
        }

        return directory;
    }

    /// <summary>A new tenant and a caller acting for it.</summary>
    public async Task<ScimCaller> NewTenantAsync(string name)
    {
        var tenant = await Tenants.CreateAsync(name, CancellationToken.None);
        return new ScimCaller(tenant.Id, null, "test");
    }

    /// <summary>Moves the fake clock on.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
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
