using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Roster.Cli.Commands;
using Roster.Directory.Employees;
using Roster.Directory.Tests.Support;
using Roster.Server.Hosting;

namespace Roster.Server.Tests.Infrastructure;

/// <summary>
/// A real Roster server: Kestrel on a free loopback port over a fresh SQLite file or, in the
/// PostgreSQL pass (<see cref="TestStorage"/>), a fresh PostgreSQL database. Tests share the
/// process but never data: each asks for its own tenant with <see cref="CreateTenantAsync"/>.
/// </summary>
public class RosterServerFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "roster-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private PostgresTestDatabase? _postgres;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>Every email the server sent (invitations).</summary>
    public CapturedMail Mail { get; } = new();

    /// <summary>Where the server looks TXT records up: the dnsmasq each test routes its names to.</summary>
    public DnsRouter Dns { get; } = new();

    public RosterStorage Storage { get; private set; } = null!;

    /// <summary>The server's database as the CLI's <c>--data</c> takes it; run the CLI with <see cref="CliEnvironment"/>.</summary>
    public string Data => Storage.ConnectionString;

    /// <summary>The environment a <c>roster</c> process needs to open the server's database.</summary>
    public IReadOnlyDictionary<string, string> CliEnvironment => Storage.Provider == StorageProvider.Postgres
        ? new Dictionary<string, string> { ["Storage__Provider"] = "postgres" }
        : new Dictionary<string, string>();

    /// <summary>
    /// Configuration a derived fixture sets on top of the defaults, e.g. <c>Roster:Limits:MaxPageSize</c>.
    /// Request rate limits are off unless a fixture sets them (the rate limit tests do), and the
    /// limits per address of the authorize, token and sign-in endpoints are out of reach: tests
    /// share one address and, on a fast machine, sign in hundreds of people a minute, far faster
    /// than any IdP or office, and a 429 would hide what they are about. The limits per account
    /// and per client stay, and their own tests meet them.
    /// </summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Roster:RateLimits:Enabled"] = "false",
        ["Roster:Throttling:AuthorizePerAddress"] = "100000",
        ["Roster:Throttling:TokenPerAddress"] = "100000",
        ["Roster:Throttling:SignInPerAddress"] = "100000",
    };

    /// <summary>
    /// The product's PBKDF2 (ASP.NET Core Identity's format) at 1,000 iterations instead of 100,000:
    /// every request over HTTP Basic verifies a password, and the privilege model alone makes
    /// thousands of them (at about 135 ms of a CI runner's core each, most of its run). What a
    /// sign-in costs is tested on the product's own settings (<c>SignInServerFixture</c>, which
    /// registers its hasher after this one).
    /// </summary>
    private static readonly PasswordHasher<Employee> FastPasswordHasher =
        new(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));

    public virtual async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_directory);
        if (TestStorage.IsPostgres)
        {
            _postgres = await PostgresTestDatabase.CreateAsync();
            Storage = RosterStorage.Postgres(_postgres.ConnectionString);
        }
        else
        {
            Storage = RosterStorage.Sqlite(Path.Combine(_directory, "roster.db"));
        }

        // Also as arguments: settings read while services are registered (telemetry) see the command line, not what configure adds later.
        var settings = WithTestDefaults(Settings);
        var arguments = settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}").ToArray();
        _app = RosterWebApplication.Create(Storage, ListenUrl, arguments, configure: b =>
        {
            b.Configuration.AddInMemoryCollection(settings);
            b.Services.AddSingleton<Roster.Directory.Mail.IMailSender>(Mail);
            b.Services.AddSingleton<Roster.Directory.Domains.IDnsTxtResolver>(Dns);
            b.Services.AddSingleton<IPasswordHasher<Employee>>(FastPasswordHasher);
            ConfigureServer(b);
        });
        await RosterStorage.MigrateAsync(_app.Services, CancellationToken.None);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // A fixture that listens on every address is reached over loopback.
        BaseAddress = new UriBuilder(address) { Host = address.Contains("://0.0.0.0", StringComparison.Ordinal) ? "127.0.0.1" : new Uri(address).Host }.Uri;
    }

    /// <summary>
    /// The fixture's settings, with a list statement's time budget (<c>Roster:Limits:QueryTimeoutMilliseconds</c>)
    /// of two minutes unless the fixture sets its own: the budget is wall-clock time, and on a loaded
    /// machine (a CI runner's two cores, a garbage collection in a neighbouring test's server) an
    /// ordinary list can pass the production default of two seconds and be refused with a 400
    /// <c>tooMany</c> that has nothing to do with what the test checks. The budget's own tests set theirs.
    /// </summary>
    private static Dictionary<string, string?> WithTestDefaults(IReadOnlyDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings);
        all.TryAdd(QueryTimeoutSetting, "120000");
        return all;
    }

    private const string QueryTimeoutSetting = "Roster:Limits:QueryTimeoutMilliseconds";

    /// <summary>A new tenant with a token, and a client whose base address is its connector URL.</summary>
    public async Task<TenantClient> CreateTenantAsync(string name = "Test tenant")
    {
        var (tenant, token) = await TenantBootstrap.CreateAsync(Services, name, CancellationToken.None);
        return new TenantClient(tenant.Id, token.Token, CreateClient(token.Token, $"scim/v2/{tenant.Id}/"), CreateClient(token.Token, "scim/v2/"));
    }

    public HttpClient CreateClient(string? token, string relativeBase = "")
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, relativeBase) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Where the server listens: a free loopback port unless a derived fixture says otherwise.</summary>
    protected virtual string ListenUrl => "http://127.0.0.1:0";

    /// <summary>Changes the server's configuration before it is built (a derived fixture's own logging, say).</summary>
    protected virtual void ConfigureServer(WebApplicationBuilder builder)
    {
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>A tenant's org ID and token, with clients for both URL forms.</summary>
/// <param name="OrgId">The tenant's org ID.</param>
/// <param name="Token">The tenant's SCIM token.</param>
/// <param name="Scim">A client at <c>/scim/v2/{orgId}/</c>.</param>
/// <param name="ScimWithoutOrg">A client at <c>/scim/v2/</c> (tenant from the token).</param>
public sealed record TenantClient(Guid OrgId, string Token, HttpClient Scim, HttpClient ScimWithoutOrg);
