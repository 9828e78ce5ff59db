using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Tokens;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Seeds;

/// <summary>
/// What an administrator clicks in a seed guide, as admin API calls: one signed-in administrator
/// of a fresh tenant (the operator's <c>roster init</c> plus a first employee holding every
/// permission), with a call per console page the guides visit.
/// </summary>
public sealed class SeedConsole(RosterServerFixture server, AdminSession admin)
{
    public static readonly string[] EveryPermission =
        ["employees.edit", "scim.manage", "security.login.manage", "roles.manage", "audit.view", "accesskeys.manage", "webhooks.manage"];

    public AdminSession Admin => admin;

    public Guid OrgId => admin.OrgId;

    public HttpClient Http => admin.Http;

    public static async Task<SeedConsole> SignInAsync(RosterServerFixture server)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new SeedConsole(server, await server.CreateAdminAsync(EveryPermission));
    }

    /// <summary>"Security > Roles and permissions > New role", then "Save and activate".</summary>
    public async Task<JsonObject> CreateRoleAsync(string name, params string[] permissions)
    {
        var response = await admin.Http.PostAsJsonAsync("roles", new { name, permissions });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    /// <summary>The SCIM settings form, saved whole.</summary>
    public async Task<JsonObject> SaveScimSettingsAsync(
        bool enabled, string? defaultRoleId = null, string? requiredRoleId = null, bool userNameMustBePrimaryEmail = false, bool namesNotUpdatable = false,
        bool? namesRequired = null, bool? identifiersNotUpdatable = null, bool? advertiseCursorPaging = null)
    {
        var response = await admin.Http.PutAsJsonAsync(
            "scim-settings",
            new { enabled, defaultRoleId, requiredRoleId, userNameMustBePrimaryEmail, namesNotUpdatable, namesRequired, identifiersNotUpdatable, advertiseCursorPaging });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    public async Task<JsonObject> GetAsync(string uri)
    {
        var response = await admin.Http.GetAsync(uri);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {uri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadObjectAsync();
    }

    /// <summary>The employee with this email in "Employees", or null.</summary>
    public async Task<JsonObject?> FindEmployeeAsync(string email)
    {
        var page = await GetAsync("employees?search=" + Uri.EscapeDataString(email));
        return page["employees"]!.AsArray().OfType<JsonObject>()
            .SingleOrDefault(e => string.Equals(e["email"]!.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The audit events of one resource, oldest first.</summary>
    public async Task<IReadOnlyList<JsonObject>> AuditOfAsync(string resourceType, string resourceId)
    {
        var page = await GetAsync($"audit-events?resourceType={resourceType}&resourceId={resourceId}&pageSize=100");
        // The log lists newest first, in the order events were written (ids increase within a millisecond).
        return [.. page["events"]!.AsArray().OfType<JsonObject>().Reverse()];
    }

    /// <summary>
    /// "Invite" in the employee table, then the person follows the email's link and picks a
    /// password: returns a client signed in as them on this organization's admin API.
    /// </summary>
    public async Task<HttpClient> InviteAndActivateAsync(string employeeId, string email)
    {
        var invite = await admin.Http.PostNoBodyAsync($"employees/{employeeId}/invite");
        Assert.True(invite.StatusCode == HttpStatusCode.OK, await invite.Content.ReadAsStringAsync());
        var token = AdminSessions.TokenFrom(server.Mail.LastTo(email).TextBody);
        using var anonymous = server.CreateClient(null);
        var activated = await anonymous.PostAsJsonAsync("api/v1/activation", new { token, password = AdminSessions.Password });
        Assert.True(activated.StatusCode == HttpStatusCode.OK, await activated.Content.ReadAsStringAsync());
        Assert.Equal("active", (await activated.ReadObjectAsync())["status"]!.GetValue<string>());
        var signedIn = server.CreateClient(null, $"api/v1/orgs/{OrgId}/");
        signedIn.DefaultRequestHeaders.Authorization = AdminSessions.Basic(email, AdminSessions.Password);
        return signedIn;
    }

    /// <summary>
    /// The operator's token (<c>roster tokens create</c> without an owner), for tests about
    /// provisioning rules rather than credentials.
    /// </summary>
    public async Task<IssuedScimToken> IssueScimTokenAsync(string name, int days = 365)
    {
        var tokens = server.Services.GetRequiredService<IssueOperatorScimToken>();
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return await tokens.ExecuteAsync(OrgId, name, now.AddDays(days), CancellationToken.None);
    }

    /// <summary>"Tenant settings > Account settings > SCIM tokens": pick the profile, Generate, copy once.</summary>
    public async Task<JsonObject> GenerateScimTokenAsync(string name, string ownerId)
    {
        var response = await admin.Http.PostAsJsonAsync("scim-tokens", new { name, ownerId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    /// <summary>The employee's Security tab > Access keys > Add access key: the ID and the secret, shown once.</summary>
    public async Task<JsonObject> AddAccessKeyAsync(string employeeId)
    {
        var response = await admin.Http.PostNoBodyAsync($"employees/{employeeId}/access-keys");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var key = await response.ReadObjectAsync();
        Assert.Matches("^RAK[A-Z0-9]{20}$", key["accessKeyId"]!.GetValue<string>());
        Assert.StartsWith("roster_sk_", key["secretAccessKey"]!.GetValue<string>(), StringComparison.Ordinal);
        return key;
    }

    /// <summary>
    /// Okta's "Authenticate with ..." button: Okta sends the person to <c>/auth/authorize</c>,
    /// they sign in to Roster and allow access, Okta gets a code at its callback and exchanges
    /// it with client_secret_post. Returns the token response (access and refresh tokens).
    /// </summary>
    public async Task<JsonObject> AuthenticateWithRosterAsync(string authorizeEndpoint, string tokenEndpoint, string clientId, string clientSecret, string email, string callback)
    {
        // Okta is configured with the guides' authorize URL, ".../auth/authorize?scope=openid", and adds its own parameters.
        var configured = authorizeEndpoint.Contains("scope=", StringComparison.Ordinal) ? authorizeEndpoint : authorizeEndpoint + "?scope=openid";
        var url = $"{configured}&client_id={Uri.EscapeDataString(clientId)}&response_type=code&redirect_uri={Uri.EscapeDataString(callback)}&state=okta-state";
        using var browser = new OAuth.OAuthBrowser(server.BaseAddress);
        var signIn = await browser.GetAsync(url);
        Assert.Contains("Sign in to Roster", signIn.Html, StringComparison.Ordinal);
        var returnUrl = new Uri(url).PathAndQuery;
        var consent = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(returnUrl), new Dictionary<string, string> { ["Email"] = email, ["Password"] = AdminSessions.Password });
        Assert.True(consent.Html?.Contains("Allow", StringComparison.Ordinal) == true, consent.LeftTo?.ToString() ?? consent.Html);
        var back = await browser.SubmitAsync(consent.Html!, "/auth/authorize", new Dictionary<string, string> { ["roster_decision"] = "allow" });
        Assert.StartsWith(callback, back.LeftTo!.ToString(), StringComparison.Ordinal);
        var code = System.Web.HttpUtility.ParseQueryString(back.LeftTo.Query)["code"]!;
        using var okta = server.CreateClient(null);
        var exchanged = await okta.PostAsync(tokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = callback,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }));
        Assert.True(exchanged.StatusCode == HttpStatusCode.OK, await exchanged.Content.ReadAsStringAsync());
        return await exchanged.ReadObjectAsync();
    }

    /// <summary>The IdP's HTTP client: the connector URL it was given, the token, and its own User-Agent.</summary>
    public HttpClient IdentityProvider(string baseConnectorUrl, string token, string userAgent)
    {
        var client = server.CreateClient(token, "");
        client.BaseAddress = new Uri(baseConnectorUrl.TrimEnd('/') + "/");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    /// <summary>Wrong passwords from many addresses lock the profile (what makes "unblock" necessary).</summary>
    public async Task LockOutAsync(string email)
    {
        await SignIn.SignInPeople.LockAsync(server, OrgId, email);

        Assert.Equal("locked", (await FindEmployeeAsync(email))!["status"]!.GetValue<string>());
    }

    /// <summary>An address no other test uses: the mail catcher is shared by the whole server.</summary>
    public static string UniqueEmail(string local, string domain = "example.com") => $"{local}.{Guid.NewGuid().ToString("N")[..10]}@{domain}";
}
