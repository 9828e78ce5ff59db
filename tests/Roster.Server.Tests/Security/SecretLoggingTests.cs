using System.Net;
using System.Net.Http.Json;
using System.Web;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.OAuth;

namespace Roster.Server.Tests.Security;

/// <summary>
/// Every kind of secret Roster takes or hands out goes through a server that logs everything
/// (<see cref="TracedServerFixture"/>); afterwards not one of them is found in its log, nor in
/// its database (where only hashes of them may be).
/// </summary>
public sealed class SecretLoggingTests(TracedServerFixture server) : IClassFixture<TracedServerFixture>
{
    private const string OktaCallback = "https://system-admin.okta.com/admin/app/cpc/roster/oauth/callback";

    [Fact]
    public async Task No_secret_reaches_the_log_even_at_trace_level_nor_the_database()
    {
        var secrets = new Dictionary<string, string>();
        var admin = await server.CreateAdminAsync("scim.manage", "accesskeys.manage", "security.login.manage", "employees.edit", "audit.view", "webhooks.manage");
        secrets["bootstrap SCIM token"] = admin.Tenant.Token;
        secrets["administrator's password"] = admin.Password;

        // Issued through the admin API: each shown once in a response.
        var scimToken = await (await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = admin.EmployeeId })).ReadObjectAsync();
        secrets["SCIM token"] = (string)scimToken["token"]!;
        var key = await (await admin.Http.PostNoBodyAsync($"employees/{admin.EmployeeId}/access-keys")).ReadObjectAsync();
        secrets["access key secret"] = (string)key["secretAccessKey"]!;
        var app = await (await admin.Http.PostAsJsonAsync("apps", new
        {
            name = "Okta for Roster",
            technicalContacts = new[] { "it@example.com" },
            clientType = "user-confidential",
            redirectUris = new[] { OktaCallback },
        })).ReadObjectAsync();
        var clientId = (string)app["app"]!["clientId"]!;
        secrets["app client secret"] = (string)app["clientSecret"]!;

        // OAuth: client credentials with the access key, then the code flow with the app.
        using var okta = server.CreateClient(null);
        var byKey = await (await okta.ClientCredentialsPostAsync((string)key["accessKeyId"]!, secrets["access key secret"])).ReadJsonAsync();
        secrets["client credentials access token"] = (string)byKey["access_token"]!;
        using var browser = new OAuthBrowser(server.BaseAddress);
        var authorize = $"/auth/authorize?client_id={Uri.EscapeDataString(clientId)}&response_type=code&scope={Uri.EscapeDataString("openid scim offline_access")}" +
            $"&redirect_uri={Uri.EscapeDataString(OktaCallback)}&state=s1";
        var signIn = await browser.GetAsync(authorize);
        var consent = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(authorize), new Dictionary<string, string> { ["Email"] = admin.Email, ["Password"] = admin.Password });
        var back = await browser.SubmitAsync(consent.Html!, "/auth/authorize", new Dictionary<string, string> { ["roster_decision"] = "allow" });
        secrets["authorization code"] = HttpUtility.ParseQueryString(back.LeftTo!.Query)["code"]!;
        var exchanged = await (await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = secrets["authorization code"],
            ["redirect_uri"] = OktaCallback,
            ["client_id"] = clientId,
            ["client_secret"] = secrets["app client secret"],
        }))).ReadJsonAsync();
        secrets["code flow access token"] = (string)exchanged["access_token"]!;
        secrets["refresh token"] = (string)exchanged["refresh_token"]!;
        var refreshed = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = secrets["refresh token"],
            ["client_id"] = clientId,
            ["client_secret"] = secrets["app client secret"],
        }));
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);

        // SCIM with each credential, a user that comes with a password, and refusals.
        secrets["SCIM user's password"] = "Pw-" + Guid.NewGuid().ToString("N");
        foreach (var bearer in new[] { secrets["SCIM token"], secrets["client credentials access token"], secrets["code flow access token"] })
        {
            using var scim = server.CreateClient(bearer, $"scim/v2/{admin.OrgId}/");
            await scim.CreateUserAsync($"user-{Guid.NewGuid():N}@example.com", $"\"password\":\"{secrets["SCIM user's password"]}\"");
        }

        secrets["mistyped SCIM token"] = "roster_scim_" + Guid.NewGuid().ToString("N");
        using var wrong = server.CreateClient(secrets["mistyped SCIM token"], $"scim/v2/{admin.OrgId}/");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("Users")).StatusCode);
        secrets["mistyped password"] = "not-" + admin.Password;
        using var wrongPassword = server.CreateClient(null, $"api/v1/orgs/{admin.OrgId}/");
        wrongPassword.DefaultRequestHeaders.Authorization = AdminSessions.Basic(admin.Email, secrets["mistyped password"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongPassword.GetAsync("roles")).StatusCode);
        var badSecret = await okta.ClientCredentialsPostAsync((string)key["accessKeyId"]!, secrets["mistyped password"]);
        Assert.Equal(HttpStatusCode.Unauthorized, badSecret.StatusCode);

        // The invitation link a new employee follows carries a one-time token (in its fragment).
        var invited = await server.AddEmployeeAsync(admin.Tenant, "audit.view");
        secrets["invitation token"] = AdminSessions.TokenFrom(server.Mail.LastTo(invited.Email).TextBody);
        using var person = server.CreateClient(null);
        var page = await person.GetAsync("activate#token=" + Uri.EscapeDataString(secrets["invitation token"]));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // Webhook signing secrets: made, rotated, used to sign deliveries and a test event.
        await using var receiver = await Events.WebhookReceiver.StartNewAsync();
        var hook = await (await admin.Http.PostAsJsonAsync("webhooks", new { url = receiver.Url, eventTypes = new[] { "user.*" } })).ReadObjectAsync();
        var hookId = (string)hook["endpoint"]!["id"]!;
        secrets["webhook signing secret"] = (string)hook["secret"]!;
        secrets["webhook signing key"] = secrets["webhook signing secret"]["whsec_".Length..];
        var rotated = await (await admin.Http.PostAsJsonAsync($"webhooks/{hookId}/rotate-secret", new { })).ReadObjectAsync();
        secrets["rotated webhook signing secret"] = (string)rotated["secret"]!;
        secrets["rotated webhook signing key"] = secrets["rotated webhook signing secret"]["whsec_".Length..];
        await admin.Tenant.Scim.CreateUserAsync($"hooked-{Guid.NewGuid():N}@example.com");
        await receiver.WaitUntilAsync(r => r.Count >= 1, TimeSpan.FromSeconds(30), "a signed delivery");
        Assert.True((bool)(await (await admin.Http.PostAsJsonAsync($"webhooks/{hookId}/test", new { })).ReadObjectAsync())["succeeded"]!);

        var log = server.Logs.Entries.ToList();

        // The log really holds everything: requests, SQL and the token endpoint's own traces.
        Assert.Contains(log, e => e.Contains("Request starting", StringComparison.Ordinal));
        Assert.Contains(log, e => e.Contains("INSERT INTO", StringComparison.Ordinal));
        Assert.Contains(log, e => e.StartsWith("OpenIddict", StringComparison.Ordinal));
        var stored = await StoredText.ReadAsync(server.Storage);
        Assert.Contains(admin.Email, stored, StringComparison.Ordinal);
        var storedLeaks = secrets.Where(s => stored.Contains(s.Value, StringComparison.Ordinal)).Select(s => s.Key).ToList();
        Assert.True(storedLeaks.Count == 0, $"Stored as is: {string.Join(", ", storedLeaks)}.");

        var leaks = secrets.Where(s => log.Any(e => e.Contains(s.Value, StringComparison.Ordinal))).Select(s => s.Key).ToList();
        var where = secrets.SelectMany(s => log.Where(e => e.Contains(s.Value, StringComparison.Ordinal)).Select(e => s.Key + " in " + e[..Math.Min(300, e.Length)])).Take(20);
        Assert.True(leaks.Count == 0, $"Logged: {string.Join(", ", leaks)}. {log.Count} entries searched.\n{string.Join("\n", where)}");
    }
}
