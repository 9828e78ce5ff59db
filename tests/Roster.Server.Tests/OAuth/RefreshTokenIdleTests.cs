using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.OAuth;

/// <summary>
/// Okta's "Authenticate with ..." connection keeps a refresh token and uses it only when it next
/// provisions: on a quiet organization that is weeks later. A refresh token stays valid for 90 idle
/// days, each use gives a new one with a new window, and an old one used again is refused and
/// ends the grant.
/// </summary>
public sealed class RefreshTokenIdleTests(ClockedServerFixture server) : IClassFixture<ClockedServerFixture>
{
    private const string OktaCallback = "https://system-admin.okta.com/admin/app/cpc/roster/oauth/callback";

    [Fact]
    public async Task A_refresh_token_idle_for_60_days_works_one_idle_for_100_days_is_refused_and_a_used_one_ends_the_grant()
    {
        var admin = await server.CreateAdminAsync("security.login.manage", "employees.view", "employees.edit");
        var (quietId, quietSecret) = await RegisterAsync(admin, "Quiet Okta");
        var (rolledId, rolledSecret) = await RegisterAsync(admin, "Busy Okta");
        using var browser = new OAuthBrowser(server.BaseAddress);
        var quiet = await CodeFlowAsync(browser, admin, quietId, quietSecret, signIn: true);
        var rolled = await CodeFlowAsync(browser, admin, rolledId, rolledSecret, signIn: false);
        using var okta = server.CreateClient(null);

        server.Time.Advance(TimeSpan.FromDays(60));
        var afterSixtyDays = await RefreshAsync(okta, quietId, quietSecret, (string)quiet["refresh_token"]!);
        var rolledOnce = await RefreshAsync(okta, rolledId, rolledSecret, (string)rolled["refresh_token"]!);
        Assert.True(afterSixtyDays.StatusCode == HttpStatusCode.OK, await afterSixtyDays.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, rolledOnce.StatusCode);
        var renewed = await afterSixtyDays.ReadJsonAsync();
        using var scim = server.CreateClient((string)renewed["access_token"]!, $"scim/v2/{admin.OrgId}/");
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users?count=1")).StatusCode);

        // Rolling: the token just used is refused after the 30 seconds' leeway, and the grant it
        // belonged to ends (the other app's grant does not).
        var rolledSecond = (string)(await rolledOnce.ReadJsonAsync())["refresh_token"]!;
        server.Time.Advance(TimeSpan.FromMinutes(1));
        await AssertInvalidGrantAsync(await RefreshAsync(okta, rolledId, rolledSecret, (string)rolled["refresh_token"]!));
        await AssertInvalidGrantAsync(await RefreshAsync(okta, rolledId, rolledSecret, rolledSecond));

        server.Time.Advance(TimeSpan.FromDays(100));
        await AssertInvalidGrantAsync(await RefreshAsync(okta, quietId, quietSecret, (string)renewed["refresh_token"]!));
    }

    private static async Task AssertInvalidGrantAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.Equal("invalid_grant", (string?)JsonNode.Parse(text)!["error"]);
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient okta, string clientId, string secret, string refreshToken) =>
        okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    private static async Task<(string ClientId, string Secret)> RegisterAsync(AdminSession admin, string name)
    {
        var response = await admin.Http.PostAsJsonAsync("apps", new
        {
            name,
            technicalContacts = new[] { "it@example.com" },
            clientType = "user-confidential",
            redirectUris = new[] { OktaCallback },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var app = await response.ReadObjectAsync();
        return ((string)app["app"]!["clientId"]!, (string)app["clientSecret"]!);
    }

    private async Task<JsonObject> CodeFlowAsync(OAuthBrowser browser, AdminSession admin, string clientId, string secret, bool signIn)
    {
        var url = $"/auth/authorize?client_id={Uri.EscapeDataString(clientId)}&response_type=code&scope={Uri.EscapeDataString("openid scim offline_access")}" +
            $"&redirect_uri={Uri.EscapeDataString(OktaCallback)}&state=idle";
        var page = await browser.GetAsync(url);
        if (signIn)
        {
            page = await browser.SubmitAsync(page.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = admin.Password });
        }

        var back = (await browser.SubmitAsync(page.Html!, "/auth/authorize", new Dictionary<string, string> { ["roster_decision"] = "allow" })).LeftTo!;
        using var okta = server.CreateClient(null);
        var exchanged = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = HttpUtility.ParseQueryString(back.Query)["code"]!,
            ["redirect_uri"] = OktaCallback,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        Assert.True(exchanged.StatusCode == HttpStatusCode.OK, await exchanged.Content.ReadAsStringAsync());
        return await exchanged.ReadJsonAsync();
    }
}
