using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Roster.Server.Hosting;

namespace Roster.Server.Tests.OAuth;

/// <summary>
/// The OAuth issuer is the public base URL, whichever setting names it, so that every node behind
/// a load balancer writes and expects the same <c>iss</c> (docs/operations.md, several nodes).
/// </summary>
public sealed class IssuerTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("roster-issuer-").FullName;

    [Theory]
    [InlineData("Roster:PublicBaseUrl", "https://roster.example.com", "https://roster.example.com/")]
    [InlineData("Roster:Deployment:PublicBaseUrl", "https://roster.example.com/", "https://roster.example.com/")]
    [InlineData("Roster:PublicBaseUrl", "", null)]
    public async Task The_issuer_is_the_public_base_url_set_as_serve_public_url_sets_it(string key, string value, string? issuer)
    {
        // Set after the services are added, as 'roster serve --public-url' does.
        await using var app = RosterWebApplication.Create(Path.Combine(_directory, $"{Guid.NewGuid():N}.db"), "http://127.0.0.1:0",
            configure: b => b.Configuration[key] = value);
        await RosterStorage.MigrateAsync(app.Services, CancellationToken.None);

        var options = app.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value;

        Assert.Equal(issuer, options.Issuer?.AbsoluteUri);
    }

    public void Dispose()
    {
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
