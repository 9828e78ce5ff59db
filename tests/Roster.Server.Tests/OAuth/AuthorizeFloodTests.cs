using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.OAuth;

/// <summary>
/// Anyone can send <c>/auth/authorize</c> requests: each costs a short log line at most, and one
/// address meets 429 with <c>Retry-After</c> after <see cref="AuthorizeFloodFixture.PerAddress"/>
/// a minute, as at the token endpoint.
/// </summary>
public sealed class AuthorizeFloodTests(AuthorizeFloodTests.AuthorizeFloodFixture server) : IClassFixture<AuthorizeFloodTests.AuthorizeFloodFixture>
{
    [Fact]
    public async Task A_flood_of_anonymous_authorize_requests_logs_a_short_line_each_at_most_then_meets_429_with_Retry_After()
    {
        var admin = await server.CreateAdminAsync("accesskeys.manage", "employees.edit");
        var key = await (await admin.Http.PostNoBodyAsync($"employees/{admin.EmployeeId}/access-keys")).ReadObjectAsync();
        var keyId = (string)key["accessKeyId"]!;
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var padding = new string('p', 3000);
        var requests = new[]
        {
            // Okta's callback, a client that does not exist, and a redirect_uri nobody registered,
            // each padded with a long parameter as a flood would be.
            $"/auth/authorize?client_id={keyId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString("https://x.okta.com/admin/app/cpc/roster/oauth/callback")}&state={padding}",
            $"/auth/authorize?client_id=RAK{new string('Z', 20)}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString("https://x.okta.com/admin/app/cpc/roster/oauth/callback")}&state={padding}",
            $"/auth/authorize?client_id={keyId}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString("https://evil.example.com/" + padding)}",
        };
        var logged = Bytes(server.Logs);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < AuthorizeFloodFixture.PerAddress; i++)
        {
            statuses.Add((await anonymous.GetAsync(requests[i % requests.Length])).StatusCode);
        }

        var perRequest = (Bytes(server.Logs) - logged) / AuthorizeFloodFixture.PerAddress;
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        // One line of some 150 bytes, plus the host's scopes (connection, request path, and trace
        // ids when tracing listens): nothing like the 12.5 KB OpenIddict logged per request.
        Assert.True(perRequest <= 600, $"{perRequest} bytes logged per anonymous authorize request:\n{string.Join("\n", server.Logs.Entries.TakeLast(6))}");

        var refused = await anonymous.GetAsync(requests[0]);
        var consentForm = await anonymous.PostAsync("/auth/authorize", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = keyId }));
        var tokenEndpoint = await anonymous.PostAsync("/auth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = keyId, ["client_secret"] = (string)key["secretAccessKey"]! }));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("try again", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, consentForm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tokenEndpoint.StatusCode);
    }

    private static long Bytes(LogCapture logs) => logs.Entries.Sum(e => (long)Encoding.UTF8.GetByteCount(e) + 1);

    /// <summary>A server that logs as a production one does (default levels) into <see cref="Logs"/>, with a small authorize limit.</summary>
    public sealed class AuthorizeFloodFixture : RosterServerFixture
    {
        public const int PerAddress = 30;

        public LogCapture Logs { get; } = new();

        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["Roster:RateLimits:Enabled"] = "false",
            ["Roster:Throttling:AuthorizePerAddress"] = PerAddress.ToString(CultureInfo.InvariantCulture),
        };

        protected override void ConfigureServer(WebApplicationBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(Logs);
        }
    }
}
