using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Roster.Cli.Commands;
using Roster.Server.Hosting;

namespace Roster.MicroBench;

/// <summary>
/// A whole Roster server on a fresh SQLite file, served by the ASP.NET Core test host: the real
/// HTTP pipeline (middleware, authentication, endpoints, the database) without sockets, with one
/// tenant and its SCIM token.
/// </summary>
public sealed class InMemoryRoster : IAsyncDisposable
{
    private readonly string _folder;

    private InMemoryRoster(string folder, WebApplication app, Guid tenantId, string token)
    {
        _folder = folder;
        App = app;
        TenantId = tenantId;
        Token = token;
        Scim = app.GetTestClient();
        Scim.BaseAddress = new Uri($"http://localhost/scim/v2/{tenantId}/");
        Scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    public Guid TenantId { get; }

    /// <summary>The tenant's SCIM token, as an IdP sends it.</summary>
    public string Token { get; }

    /// <summary>A client at the tenant's connector URL, with its token.</summary>
    public HttpClient Scim { get; }

    public static async Task<InMemoryRoster> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "roster-microbench-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var storage = RosterStorage.Sqlite(Path.Combine(folder, "roster.db"));

        // As the load generator runs it: request rate limits off, since a benchmark sends far more than one credential may.
        var app = RosterWebApplication.Create(storage, urls: null, ["--Roster:RateLimits:Enabled=false"], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
        });
        await RosterStorage.MigrateAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var (tenant, token) = await TenantBootstrap.CreateAsync(app.Services, "Micro-benchmarks", CancellationToken.None);
        return new InMemoryRoster(folder, app, tenant.Id, token.Token);
    }

    /// <summary>Creates a user over SCIM and returns its id.</summary>
    public async Task<string> CreateUserAsync(string userName)
    {
        using var content = new ByteArrayContent(SampleBodies.CreateUser(userName));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        using var response = await Scim.PostAsync(new Uri("Users", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        return body.RootElement.GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Scim.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
