using System.Net.Http.Headers;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.OAuth;

namespace Roster.Server.Tests.Security;

/// <summary>
/// Every page Roster shows a person (console, OAuth consent, activation, error pages) carries the
/// same anti-framing and anti-sniffing headers: no other site can frame it and overlay its buttons.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class BrowserHeadersTests(RosterServerFixture server)
{
    private const string Callback = "https://system-admin.okta.com/admin/app/cpc/roster/oauth/callback";

    [Fact]
    public async Task Console_consent_activation_and_error_pages_all_forbid_framing_and_sniffing()
    {
        var admin = await server.CreateAdminAsync("accesskeys.manage", "employees.edit");
        var key = await (await admin.Http.PostNoBodyAsync($"employees/{admin.EmployeeId}/access-keys")).ReadObjectAsync();
        var authorize = $"/auth/authorize?client_id={key["accessKeyId"]}&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(Callback)}&state=s";
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var pages = new Dictionary<string, HttpResponseHeaders>();
        foreach (var path in new[]
        {
            "/console/sign-in",
            "/console/no-such-page",
            "/activate",
            authorize,
            "/auth/authorize?client_id=unknown&response_type=code&scope=openid&redirect_uri=" + Uri.EscapeDataString(Callback),
            "/auth/authorize",
        })
        {
            using var response = await anonymous.GetAsync(path);
            pages[$"GET {path} ({(int)response.StatusCode})"] = response.Headers;
        }

        using var browser = new OAuthBrowser(server.BaseAddress);
        var signIn = await browser.GetAsync(authorize);
        var consent = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(authorize), new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = admin.Password });
        Assert.Contains("Allow", consent.Html, StringComparison.Ordinal);
        pages["the consent page"] = browser.LastHeaders!;

        Assert.All(pages, page =>
        {
            var (name, headers) = page;
            Assert.True(headers.TryGetValues("X-Frame-Options", out var frame) && frame.Single() == "DENY", $"{name}: X-Frame-Options");
            Assert.True(headers.TryGetValues("Content-Security-Policy", out var csp) && csp.Single().Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{name}: Content-Security-Policy");
            Assert.True(headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{name}: X-Content-Type-Options");
            Assert.True(headers.TryGetValues("Referrer-Policy", out var referrer) && referrer.Single() == "same-origin", $"{name}: Referrer-Policy");
        });
    }
}
