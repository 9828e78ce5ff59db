using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using OpenIddict.Abstractions;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Roster.Server.Tests.OAuth;

/// <summary>
/// Redirect URIs at <c>/auth/authorize</c>: Okta's callbacks are accepted for access keys without
/// storing anything, however many arrive and from whom; a code stays bound to the callback it was
/// issued for; a URL with user info, a fragment, plain http (other than loopback for a public app)
/// or beyond the length limits is refused at registration and at authorize alike.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class AuthorizeRedirectTests(RosterServerFixture server)
{
    private const string OktaCallback = "https://system-admin.okta.com/admin/app/cpc/roster/oauth/callback";

    [Fact]
    public async Task Anonymous_authorize_requests_with_Okta_callbacks_leave_the_access_keys_client_untouched()
    {
        var (_, key) = await KeyAsync();
        var keyId = (string)key["accessKeyId"]!;
        var before = await StoredClient.ReadAsync(server.Storage, keyId);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            var callback = $"https://org{i}.okta.com/admin/app/{new string('a', 60)}{i}/{new string('b', 60)}/oauth/callback";
            statuses.Add((await anonymous.GetAsync(AuthorizeUrl(keyId, callback, $"s{i}"))).StatusCode);
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(before, await StoredClient.ReadAsync(server.Storage, keyId));
    }

    [Theory]
    [InlineData("https://system-admin.okta.com/admin/app/SEGMENT/roster/oauth/callback")]
    [InlineData("https://LABEL.okta.com/admin/app/cpc/roster/oauth/callback")]
    [InlineData("https://user:pw@system-admin.okta.com/admin/app/cpc/roster/oauth/callback")]
    [InlineData("https://system-admin.okta.com/admin/app/cpc/roster/oauth/callback#fragment")]
    [InlineData("http://system-admin.okta.com/admin/app/cpc/roster/oauth/callback")]
    public async Task An_Okta_callback_with_an_overlong_part_user_info_a_fragment_or_plain_http_is_refused_and_stored_nowhere(string callback)
    {
        var (_, key) = await KeyAsync();
        var keyId = (string)key["accessKeyId"]!;
        var before = await StoredClient.ReadAsync(server.Storage, keyId);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var url = callback.Replace("SEGMENT", new string('s', 101), StringComparison.Ordinal).Replace("LABEL", new string('l', 64), StringComparison.Ordinal);

        var response = await anonymous.GetAsync(AuthorizeUrl(keyId, url, "s"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StoredClient.ReadAsync(server.Storage, keyId));
    }

    [Fact]
    public async Task A_code_issued_for_one_Okta_callback_is_refused_with_another_and_works_with_its_own_then_refreshes()
    {
        var (admin, key) = await KeyAsync();
        var keyId = (string)key["accessKeyId"]!;
        var secret = (string)key["secretAccessKey"]!;
        var before = await StoredClient.ReadAsync(server.Storage, keyId);
        using var browser = new OAuthBrowser(server.BaseAddress);
        var url = AuthorizeUrl(keyId, OktaCallback, "s");
        var signIn = await browser.GetAsync(url);
        var consent = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = admin.Password });
        var back = await browser.SubmitAsync(consent.Html!, "/auth/authorize", new Dictionary<string, string> { ["roster_decision"] = "allow" });
        Assert.StartsWith(OktaCallback, back.LeftTo!.ToString(), StringComparison.Ordinal);
        var code = HttpUtility.ParseQueryString(back.LeftTo.Query)["code"]!;
        using var okta = server.CreateClient(null);

        var elsewhere = await okta.PostAsync("auth/token", Exchange(code, "https://attacker.okta.com/admin/app/cpc/roster/oauth/callback", keyId, secret));
        var unsent = await okta.PostAsync("auth/token", Exchange(code, null, keyId, secret));

        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal("invalid_grant", (string?)(await elsewhere.ReadJsonAsync())["error"]);
        Assert.Equal(HttpStatusCode.BadRequest, unsent.StatusCode);

        // A code presented with the wrong callback may be spent; a new authorization (the consent
        // is reused) with the right one goes through to tokens and refreshes.
        var again = await browser.GetAsync(url);
        var secondCode = HttpUtility.ParseQueryString(again.LeftTo!.Query)["code"]!;
        var exchanged = await okta.PostAsync("auth/token", Exchange(secondCode, OktaCallback, keyId, secret));
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        var tokens = await exchanged.ReadJsonAsync();
        var refreshed = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = (string)tokens["refresh_token"]!,
            ["client_id"] = keyId,
            ["client_secret"] = secret,
        }));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.Equal(before, await StoredClient.ReadAsync(server.Storage, keyId));
    }

    [Theory]
    [InlineData("user-confidential", "https://user:pw@example.com/callback")]
    [InlineData("user-confidential", "https://example.com/callback#top")]
    [InlineData("user-confidential", "http://example.com/callback")]
    [InlineData("user-confidential", "http://127.0.0.1:8400/callback")]
    [InlineData("user-public", "http://example.com/callback")]
    [InlineData("user-public", "http://user@127.0.0.1:8400/callback")]
    [InlineData("user-confidential", "LONG")]
    public async Task Registering_an_app_refuses_a_redirect_url_with_user_info_a_fragment_plain_http_or_overlong(string clientType, string redirect)
    {
        var admin = await server.CreateAdminAsync("security.login.manage");
        var uri = redirect == "LONG" ? "https://example.com/" + new string('p', 2048) : redirect;

        var response = await admin.Http.PostAsJsonAsync("apps", new { name = "x", technicalContacts = new[] { "it@example.com" }, clientType, redirectUris = new[] { uri } });

        var problem = await AdminAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("redirect URL", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Equal("[]", JsonNode.Parse(await admin.Http.GetStringAsync("apps"))!.ToJsonString());
    }

    [Fact]
    public async Task A_public_app_may_use_a_loopback_http_redirect_and_no_app_more_than_ten()
    {
        var admin = await server.CreateAdminAsync("security.login.manage");

        var loopback = await admin.Http.PostAsJsonAsync("apps", new { name = "Desktop tool", technicalContacts = new[] { "it@example.com" }, clientType = "user-public", redirectUris = new[] { "http://127.0.0.1:8400/callback" } });
        var eleven = await admin.Http.PostAsJsonAsync("apps", new
        {
            name = "Too many",
            technicalContacts = new[] { "it@example.com" },
            clientType = "user-confidential",
            redirectUris = Enumerable.Range(0, 11).Select(i => $"https://example.com/callback/{i}").ToArray(),
        });

        Assert.Equal(HttpStatusCode.Created, loopback.StatusCode);
        await AdminAssert.ProblemAsync(eleven, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(ClientTypes.Confidential, "https://user:pw@example.com/callback")]
    [InlineData(ClientTypes.Confidential, "http://127.0.0.1:8400/callback")]
    public async Task A_redirect_url_stored_before_the_rules_is_refused_at_authorize(string clientType, string redirect)
    {
        // A client as an older Roster could register it, written straight into OpenIddict's store.
        var clientId = "roster_app_legacy" + Guid.NewGuid().ToString("N");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = clientType == ClientTypes.Confidential ? "roster_cs_" + Guid.NewGuid().ToString("N") : null,
                ClientType = clientType,
                ConsentType = ConsentTypes.Explicit,
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                    Permissions.ResponseTypes.Code, Permissions.Prefixes.Scope + "scim",
                },
            };
            descriptor.RedirectUris.Add(new Uri(redirect));
            await applications.CreateAsync(descriptor);
        }

        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };

        var response = await anonymous.GetAsync(AuthorizeUrl(clientId, redirect, "s"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Exchange(string code, string? redirectUri, string clientId, string secret)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["client_id"] = clientId, ["client_secret"] = secret };
        if (redirectUri is not null)
        {
            form["redirect_uri"] = redirectUri;
        }

        return new FormUrlEncodedContent(form);
    }

    private static string AuthorizeUrl(string clientId, string redirectUri, string state) =>
        $"/auth/authorize?client_id={Uri.EscapeDataString(clientId)}&response_type=code&scope={Uri.EscapeDataString("openid scim offline_access")}" +
        $"&redirect_uri={Uri.EscapeDataString(redirectUri)}&state={state}";

    private async Task<(AdminSession Admin, JsonObject Key)> KeyAsync()
    {
        var admin = await server.CreateAdminAsync("accesskeys.manage", "employees.edit");
        var key = await (await admin.Http.PostNoBodyAsync($"employees/{admin.EmployeeId}/access-keys")).ReadObjectAsync();
        return (admin, key);
    }
}
