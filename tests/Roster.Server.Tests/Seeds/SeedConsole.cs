using System.Net;
using System.Net.Http.Headers;
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
        ["employees.edit", "scim.manage", "security.login.manage", "roles.manage", "audit.view", "accesskeys.manage"];

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
    public async Task<JsonObject> SaveScimSettingsAsync(bool enabled, string? defaultRoleId = null, string? requiredRoleId = null, bool userNameMustBePrimaryEmail = false, bool namesNotUpdatable = false)
    {
        var response = await admin.Http.PutAsJsonAsync("scim-settings", new { enabled, defaultRoleId, requiredRoleId, userNameMustBePrimaryEmail, namesNotUpdatable });
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
        var invite = await admin.Http.PostAsync($"employees/{employeeId}/invite", null);
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
    /// Today's stand-in for "Generate" in the SCIM token section: the token service behind
    /// <c>roster tokens create</c>, with the recommended year of validity. The guides' "user
    /// profile the token belongs to" does not exist yet, so the token has no owner.
    /// </summary>
    public async Task<IssuedScimToken> IssueScimTokenAsync(string name, int days = 365)
    {
        var tokens = server.Services.GetRequiredService<IScimTokenService>();
        var now = server.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return await tokens.IssueAsync(OrgId, name, now.AddDays(days), CancellationToken.None);
    }

    /// <summary>The IdP's HTTP client: the connector URL it was given, the token, and its own User-Agent.</summary>
    public HttpClient IdentityProvider(string baseConnectorUrl, string token, string userAgent)
    {
        var client = server.CreateClient(token, "");
        client.BaseAddress = new Uri(baseConnectorUrl.TrimEnd('/') + "/");
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    /// <summary>Five wrong passwords lock the profile (what makes "unblock" necessary).</summary>
    public async Task LockOutAsync(string email)
    {
        using var wrong = server.CreateClient(null, $"api/v1/orgs/{OrgId}/");
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", AdminSessions.Basic(email, "not the password").Parameter);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync("employees")).StatusCode);
        }

        Assert.Equal("locked", (await FindEmployeeAsync(email))!["status"]!.GetValue<string>());
    }

    /// <summary>An address no other test uses: the mail catcher is shared by the whole server.</summary>
    public static string UniqueEmail(string local, string domain = "example.com") => $"{local}.{Guid.NewGuid().ToString("N")[..10]}@{domain}";
}
