using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Roster.Server.Hosting;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy: what the proxy forwards (<c>X-Forwarded-Proto</c>) is believed
/// from a trusted proxy only, and HTTPS responses carry <c>Strict-Transport-Security</c>. The shared
/// server trusts loopback, as a proxy on the same host would be.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class TransportSecurityTests(RosterServerFixture server)
{
    private const string PublicHost = "roster.example.com";

    [Fact]
    public async Task An_https_request_through_a_trusted_proxy_gets_hsts()
    {
        using var client = server.CreateClient(null);

        var response = await client.SendAsync(Forwarded(HttpMethod.Get, "/health", "https"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task A_plain_http_request_gets_no_hsts()
    {
        using var client = server.CreateClient(null);

        var direct = await client.SendAsync(Forwarded(HttpMethod.Get, "/health", scheme: null));
        var forwardedHttp = await client.SendAsync(Forwarded(HttpMethod.Get, "/health", "http"));

        Assert.False(direct.Headers.Contains("Strict-Transport-Security"));
        Assert.False(forwardedHttp.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Console_cookies_are_secure_when_the_client_used_https()
    {
        using var client = server.CreateClient(null);

        var overHttps = await client.SendAsync(Forwarded(HttpMethod.Get, "/console/sign-in", "https"));
        var overHttp = await client.SendAsync(Forwarded(HttpMethod.Get, "/console/sign-in", scheme: null));

        Assert.Equal(HttpStatusCode.OK, overHttps.StatusCode);
        var secure = overHttps.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(secure);
        Assert.All(secure, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
        Assert.All(overHttp.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Forwarded_headers_from_a_proxy_that_is_not_trusted_are_ignored()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-proxy-");
        var app = RosterWebApplication.Create(
            RosterStorage.Sqlite(Path.Combine(folder.FullName, "roster.db")),
            "http://127.0.0.1:0",
            ["--Roster:Https:TrustedProxies:0=10.0.0.5"]);
        try
        {
            await RosterStorage.MigrateAsync(app.Services, CancellationToken.None);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            var response = await client.SendAsync(Forwarded(HttpMethod.Get, "/health", "https"));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }
        finally
        {
            await app.DisposeAsync();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_not_an_address_stops_the_server_with_a_reason()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-proxy-");
        try
        {
            var failure = await Record.ExceptionAsync(async () =>
            {
                await using var app = RosterWebApplication.Create(
                    RosterStorage.Sqlite(Path.Combine(folder.FullName, "roster.db")),
                    "http://127.0.0.1:0",
                    ["--Roster:Https:TrustedProxies:0=proxy.internal"]);
                await app.StartAsync();
            });

            Assert.NotNull(failure);
            Assert.Contains("proxy.internal", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static HttpRequestMessage Forwarded(HttpMethod method, string path, string? scheme)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Host = PublicHost;
        if (scheme is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", scheme);
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        }

        return request;
    }
}
