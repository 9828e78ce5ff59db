using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.OAuth;

/// <summary>
/// Okta's "Authenticate with ..." button against an app registration (seed 002) and against an
/// access key (seed 001): redirect, sign-in, consent, code exchange with client_secret_post,
/// SCIM with the access token, refresh, revocation.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class AuthorizationCodeTests(RosterServerFixture server)
{
    private const string OktaCallback = "https://system-admin.okta.com/admin/app/cpc/roster/oauth/callback";

    [Fact]
    public async Task An_app_registration_goes_through_sign_in_and_consent_then_its_tokens_provision_and_refresh_until_consent_is_revoked()
    {
        var admin = await server.CreateAdminAsync("security.login.manage", "employees.edit", "audit.view");
        var app = await RegisterAsync(admin, "user-confidential");
        var clientId = (string)app["app"]!["clientId"]!;
        var secret = (string)app["clientSecret"]!;
        using var browser = new OAuthBrowser(server.BaseAddress);

        var signIn = await browser.GetAsync(AuthorizeUrl(clientId, "state-1"));
        Assert.Contains("Sign in to Roster", signIn.Html, StringComparison.Ordinal);
        var consent = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(AuthorizeUrl(clientId, "state-1")), new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = admin.Password });
        Assert.Contains("Allow", consent.Html, StringComparison.Ordinal);
        Assert.Contains("Okta for Roster", consent.Html, StringComparison.Ordinal);
        var back = await browser.SubmitAsync(consent.Html!, "/auth/authorize", new Dictionary<string, string> { ["roster_decision"] = "allow" });

        Assert.NotNull(back.LeftTo);
        Assert.StartsWith(OktaCallback, back.LeftTo!.ToString(), StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(back.LeftTo.Query);
        Assert.Equal("state-1", query["state"]);
        using var okta = server.CreateClient(null);
        var exchanged = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = query["code"]!,
            ["redirect_uri"] = OktaCallback,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        var tokens = await exchanged.ReadJsonAsync();
        Assert.NotNull(tokens["refresh_token"]);

        using var scim = server.CreateClient((string)tokens["access_token"]!, $"scim/v2/{admin.OrgId}/");
        var user = await scim.CreateUserAsync("via-okta@example.com");
        var audit = JsonNode.Parse(await admin.Http.GetStringAsync($"audit-events?resourceId={user.Id()}"))!["events"]!.AsArray().Single()!;
        Assert.Equal(admin.EmployeeId.ToString(), (string?)audit["actorProfileId"]);

        var refreshed = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = (string)tokens["refresh_token"]!,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var renewed = await refreshed.ReadJsonAsync();
        using var scimRenewed = server.CreateClient((string)renewed["access_token"]!, $"scim/v2/{admin.OrgId}/");
        Assert.Equal(HttpStatusCode.OK, (await scimRenewed.GetAsync("Users")).StatusCode);

        // A second authorization reuses the consent: no page, straight back with a code.
        var again = await browser.GetAsync(AuthorizeUrl(clientId, "state-2"));
        Assert.NotNull(again.LeftTo);
        Assert.Contains("code=", again.LeftTo!.Query, StringComparison.Ordinal);

        var revoked = await admin.Http.PostNoBodyAsync($"apps/{app["app"]!["id"]}/revoke-consents");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scimRenewed.GetAsync("Users")).StatusCode);
        var refreshAfterRevoke = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = (string)renewed["refresh_token"]!,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, refreshAfterRevoke.StatusCode);
        Assert.Equal("invalid_grant", (string?)(await refreshAfterRevoke.ReadJsonAsync())["error"]);
    }

    [Fact]
    public async Task An_access_key_works_with_Oktas_own_callback_without_registering_it()
    {
        var admin = await server.CreateAdminAsync("accesskeys.manage", "employees.edit");
        var key = await (await admin.Http.PostNoBodyAsync($"employees/{admin.EmployeeId}/access-keys")).ReadObjectAsync();
        using var browser = new OAuthBrowser(server.BaseAddress);
        var url = AuthorizeUrl((string)key["accessKeyId"]!, "s");

        var signIn = await browser.GetAsync(url);
        var consent = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = admin.Password });
        var back = await browser.SubmitAsync(consent.Html!, "/auth/authorize", new Dictionary<string, string> { ["roster_decision"] = "allow" });
        var code = HttpUtility.ParseQueryString(back.LeftTo!.Query)["code"]!;
        using var okta = server.CreateClient(null);
        var exchanged = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = OktaCallback,
            ["client_id"] = (string)key["accessKeyId"]!,
            ["client_secret"] = (string)key["secretAccessKey"]!,
        }));

        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        var evil = await browser.GetAsync(AuthorizeUrl((string)key["accessKeyId"]!, "s").Replace(Uri.EscapeDataString(OktaCallback), Uri.EscapeDataString("https://evil.example.com/callback"), StringComparison.Ordinal));
        Assert.Null(evil.LeftTo);
        Assert.Equal(HttpStatusCode.BadRequest, evil.Status);
    }

    [Fact]
    public async Task A_back_end_app_is_refused_with_a_message_that_says_to_choose_a_user_type()
    {
        var admin = await server.CreateAdminAsync("security.login.manage", "employees.edit");
        var app = await RegisterAsync(admin, "back-end");
        using var browser = new OAuthBrowser(server.BaseAddress);
        var url = AuthorizeUrl((string)app["app"]!["clientId"]!, "s");

        var signIn = await browser.GetAsync(url);
        var refused = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = admin.Password });

        var query = HttpUtility.ParseQueryString(refused.LeftTo!.Query);
        Assert.Equal("unauthorized_client", query["error"]);
        Assert.Contains("user type", query["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_of_another_organization_is_refused_and_a_declined_consent_issues_no_code()
    {
        var owner = await server.CreateAdminAsync("security.login.manage", "employees.edit");
        var app = await RegisterAsync(owner, "user-confidential");
        var stranger = await server.CreateAdminAsync("employees.edit");
        var url = AuthorizeUrl((string)app["app"]!["clientId"]!, "s");

        using (var browser = new OAuthBrowser(server.BaseAddress))
        {
            var signIn = await browser.GetAsync(url);
            var refused = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), new Dictionary<string, string> { ["Email"] = stranger.Email, ["Password"] = stranger.Password });
            Assert.Equal("access_denied", HttpUtility.ParseQueryString(refused.LeftTo!.Query)["error"]);
        }

        using (var browser = new OAuthBrowser(server.BaseAddress))
        {
            var signIn = await browser.GetAsync(url);
            var consent = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), new Dictionary<string, string> { ["Email"] = owner.Email, ["Password"] = owner.Password });
            var declined = await browser.SubmitAsync(consent.Html!, "/auth/authorize", new Dictionary<string, string> { ["roster_decision"] = "deny" });
            var query = HttpUtility.ParseQueryString(declined.LeftTo!.Query);
            Assert.Equal("access_denied", query["error"]);
            Assert.Null(query["code"]);
        }
    }

    [Fact]
    public async Task Registering_an_app_checks_the_form_and_shows_the_secret_once()
    {
        var admin = await server.CreateAdminAsync("security.login.manage");

        var badType = await admin.Http.PostAsJsonAsync("apps", new { name = "x", technicalContacts = new[] { "a@example.com" }, clientType = "robot", redirectUris = new[] { OktaCallback } });
        var badRedirect = await admin.Http.PostAsJsonAsync("apps", new { name = "x", technicalContacts = new[] { "a@example.com" }, clientType = "user-confidential", redirectUris = new[] { "http://example.com/cb" } });
        var noContact = await admin.Http.PostAsJsonAsync("apps", new { name = "x", clientType = "user-confidential", redirectUris = new[] { OktaCallback } });
        var app = await RegisterAsync(admin, "user-confidential");
        var listed = await admin.Http.GetStringAsync("apps");

        Assert.NotNull((await AdminAssert.ProblemAsync(badType, HttpStatusCode.BadRequest))["errors"]!["clientType"]);
        Assert.Contains("https", (string?)(await AdminAssert.ProblemAsync(badRedirect, HttpStatusCode.BadRequest))["detail"], StringComparison.Ordinal);
        await AdminAssert.ProblemAsync(noContact, HttpStatusCode.BadRequest);
        Assert.StartsWith("roster_cs_", (string?)app["clientSecret"], StringComparison.Ordinal);
        Assert.Equal("client_secret_post", (string?)app["app"]!["tokenEndpointAuthMethod"]);
        Assert.DoesNotContain((string)app["clientSecret"]!, listed, StringComparison.Ordinal);
        Assert.Contains("Okta for Roster", listed, StringComparison.Ordinal);
    }

    private static string AuthorizeUrl(string clientId, string state) =>
        $"/auth/authorize?client_id={Uri.EscapeDataString(clientId)}&response_type=code&scope={Uri.EscapeDataString("openid scim offline_access")}" +
        $"&redirect_uri={Uri.EscapeDataString(OktaCallback)}&state={state}";

    private static async Task<JsonObject> RegisterAsync(AdminSession admin, string clientType)
    {
        var response = await admin.Http.PostAsJsonAsync("apps", new
        {
            name = "Okta for Roster",
            description = "Provisioning from Okta",
            technicalContacts = new[] { "it@example.com" },
            clientType,
            redirectUris = new[] { OktaCallback },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }
}
