using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Roster.Directory.Roles;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.OAuth;

namespace Roster.Server.Tests.Privileges;

/// <summary>
/// Every path of Roster that issues a credential or grants a role, as the person <c>P</c> of a
/// <see cref="PrivilegeWorld"/> would try it to reach Administrator, with what each needs. Paths
/// that use a credential obtained by an earlier one come after it and need what it needed.
/// </summary>
public static class EscalationPaths
{
    private const string View = "employees.view";
    private const string Edit = "employees.edit";
    private const string ScimManage = "scim.manage";
    private const string LoginManage = "security.login.manage";
    private const string RolesManage = "roles.manage";
    private const string AccessKeysManage = "accesskeys.manage";
    private const string EventsRead = "events.read";
    private const string WebhooksManage = "webhooks.manage";
    private const string OktaCallback = "https://acme.okta.com/admin/app/cpc/roster/oauth/callback";

    private static readonly PermissionSet Everything = PermissionSet.Of(Permission.All.Select(p => p.Key));

    public static IReadOnlyList<EscalationPath> All { get; } =
    [
        // Admin API (HTTP Basic as P).
        new("admin API: set one's own roles to Administrator", Everything, async w =>
            Ok(await w.AdminApi.PutAsJsonAsync($"employees/{w.ActorId}", new { roleIds = new[] { w.AdministratorRoleId } }))),
        new("admin API: create a role with every permission", Everything, async w =>
            Ok(await w.AdminApi.PostAsJsonAsync("roles", new { name = "Everything", permissions = Keys(Everything) }))),
        new("admin API: every permission on one's own role", Everything, async w =>
            Ok(await w.AdminApi.PutAsJsonAsync($"roles/{w.ActorRoleId}/permissions", new { permissions = Keys(Everything) }))),
        new("admin API: activate a deactivated role one holds that grants everything", Everything, async w =>
            Ok(await w.AdminApi.PostAsync($"roles/{w.DormantRoleId}/activate", PrivilegeWorld.EmptyJson()))),
        new("admin API: Administrator as the SCIM default role", Everything, async w =>
            Ok(await w.AdminApi.PutAsJsonAsync("scim-settings", new { enabled = false, defaultRoleId = w.AdministratorRoleId, userNameMustBePrimaryEmail = false, namesNotUpdatable = false }))),
        new("admin API: create an employee with the Administrator role", Everything, async w =>
            Ok(await w.AdminApi.PostAsJsonAsync("employees", new { email = $"new-{Guid.NewGuid():N}@example.com", firstName = "New", lastName = "Admin", primaryRoleId = w.AdministratorRoleId }))),
        new("admin API: change an administrator's profile", Everything, async w =>
            Ok(await w.AdminApi.PutAsJsonAsync($"employees/{w.AdminId}", new { firstName = "Changed" }))),
        new("admin API: invite an administrator who has not activated yet", Everything, async w =>
            Ok(await w.AdminApi.PostAsync($"employees/{w.InvitedAdminId}/invite", PrivilegeWorld.EmptyJson()))),
        new("admin API: a SCIM token acting for an administrator", Everything, async w =>
            Ok(await w.AdminApi.PostAsJsonAsync("scim-tokens", new { name = "Escalation", ownerId = w.AdminId }))),
        new("admin API: an access key of an administrator", Everything, async w =>
            Ok(await w.AdminApi.PostAsync($"employees/{w.AdminId}/access-keys", PrivilegeWorld.EmptyJson()))),
        new("admin API: a back-end app acting for an administrator", Everything, async w =>
            Ok(await w.AdminApi.PostAsJsonAsync("apps", BackEndApp(w.AdminId)))),
        new("admin API: a rule giving Administrator to a group one is in", Everything, async w =>
            Ok(await w.AdminApi.PostAsJsonAsync("role-rules", new { match = "group.displayName", value = w.TeamName, roleId = w.AdministratorRoleId }))),
        new("admin API: a rule mapping one's own roles value to Administrator", Everything, async w =>
            Ok(await w.AdminApi.PostAsJsonAsync("role-rules", new { match = "roles.value", value = "Subset", roleId = w.AdministratorRoleId }))),
        new("admin API: grant oneself Administrator by hand", Everything, async w =>
            Ok(await w.AdminApi.PutAsync($"employees/{w.ActorId}/role-grants/{w.AdministratorRoleId}", PrivilegeWorld.EmptyJson()))),
        new("admin API: an access key of someone holding employees.edit", Needs(AccessKeysManage, Edit), async w =>
            Ok(await w.AdminApi.PostAsync($"employees/{w.EditorId}/access-keys", PrivilegeWorld.EmptyJson()))),

        // A SCIM token P issues for themselves, then uses.
        new("admin API: a SCIM token for oneself", Needs(ScimManage), async w =>
            await KeepAsync(w, "own token", await w.AdminApi.PostAsJsonAsync("scim-tokens", new { name = "Mine", ownerId = w.ActorId }), "token")),
        new("own SCIM token: read users", Needs(ScimManage, View), w => WithAsync(w, "own token", async t => Ok(await w.Scim(t).GetAsync("Users"))), UsesScim: true),
        new("own SCIM token: give oneself Administrator", Everything, w => WithAsync(w, "own token", t => GiveSelfAdministratorAsync(w, t)), UsesScim: true),
        new("own SCIM token: change an administrator", Everything, w => WithAsync(w, "own token", t => ChangeAdministratorAsync(w, t)), UsesScim: true),

        // An access key P makes for themselves, its client-credentials token, then SCIM.
        new("admin API: an access key for oneself", Needs(AccessKeysManage, Edit), async w =>
            await KeepAsync(w, "own key", await w.AdminApi.PostAsync($"employees/{w.ActorId}/access-keys", PrivilegeWorld.EmptyJson()), "accessKeyId", "secretAccessKey")),
        new("own access key: a client-credentials token", Needs(AccessKeysManage, Edit), w => ClientCredentialsAsync(w, "own key", "own key token")),
        new("own access key's token: give oneself Administrator", Everything, w => WithAsync(w, "own key token", t => GiveSelfAdministratorAsync(w, t)), UsesScim: true),

        // Machine access: the own key's client-credentials tokens with admin scopes; a scope needs the owner's permission.
        new("own access key: a token with events.read, then the feed", Needs(AccessKeysManage, Edit, EventsRead), w =>
            MachineAsync(w, "own key", "events.read", m => m.GetAsync("events?after=0"))),
        new("own access key: a token with webhooks.manage, then an endpoint", Needs(AccessKeysManage, Edit, WebhooksManage), w =>
            MachineAsync(w, "own key", "webhooks.manage", m => m.PostAsJsonAsync("webhooks", new { url = "https://hooks.invalid/escalation", enabled = false }))),
        new("own access key: a token with directory.read, then the employees", Needs(AccessKeysManage, Edit), w =>
            MachineAsync(w, "own key", "directory.read", m => m.GetAsync("employees"))),

        // Reading the feed and directing it to a URL of one's choosing.
        new("admin API: read the event feed", Needs(EventsRead), async w => Ok(await w.AdminApi.GetAsync("events?after=0"))),
        new("admin API: register a webhook endpoint", Needs(WebhooksManage), async w =>
            Ok(await w.AdminApi.PostAsJsonAsync("webhooks", new { url = "https://hooks.invalid/escalation", enabled = false }))),

        // A back-end app P registers (it acts for P), its client-credentials token, then SCIM.
        new("admin API: a back-end app acting for oneself", Needs(LoginManage), async w =>
            await KeepAsync(w, "own app", await w.AdminApi.PostAsJsonAsync("apps", BackEndApp(null)), "app.clientId", "clientSecret")),
        new("own back-end app: a client-credentials token", Needs(LoginManage, Edit), w => ClientCredentialsAsync(w, "own app", "own app token")),
        new("own back-end app's token: give oneself Administrator", Everything, w => WithAsync(w, "own app token", t => GiveSelfAdministratorAsync(w, t)), UsesScim: true),

        // Break-glass administrators may sign in with a password while the organization is SSO only.
        new("admin API: name oneself a break-glass administrator", Needs(LoginManage), async w =>
            Ok(await w.AdminApi.PatchAsJsonAsync("sso/settings", new { breakGlass = new[] { w.ActorId } }))),
        new("admin API: name an administrator a break-glass administrator", Everything, async w =>
            Ok(await w.AdminApi.PatchAsJsonAsync("sso/settings", new { breakGlass = new[] { w.AdminId } }))),

        // A token the operator issued for P (roster tokens create --owner): P's power, no more.
        new("operator-issued token: read users", Needs(View), async w => Ok(await w.Scim(await w.OperatorIssuedTokenAsync()).GetAsync("Users")), UsesScim: true),
        new("operator-issued token: give oneself Administrator", Everything, async w => await GiveSelfAdministratorAsync(w, await w.OperatorIssuedTokenAsync()), UsesScim: true),
        new("operator-issued token: create a user with the Administrator role", Everything, async w =>
            Ok(await w.Scim(await w.OperatorIssuedTokenAsync()).PostAsync("Users", ScimHttp.Json(
                $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"made-{{Guid.NewGuid():N}}@example.com","roles":[{"value":"Administrator"}]}"""))), UsesScim: true),
        new("operator-issued token: join the group a rule maps to Administrator", Everything, async w =>
            Ok(await w.Scim(await w.OperatorIssuedTokenAsync()).PatchAsync($"Groups/{w.AdminsGroupId}",
                $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{w.ActorId}}"}]}]}""")), UsesScim: true),
        new("operator-issued token: change an administrator", Everything, async w => await ChangeAdministratorAsync(w, await w.OperatorIssuedTokenAsync()), UsesScim: true),

        // OAuth: Okta's "Authenticate with ..." as P, with the service profile's access key as client.
        new("OAuth code flow: a SCIM token by signing in and consenting", Needs(Edit), CodeFlowAsync),
        new("OAuth code flow token: give oneself Administrator", Everything, w => WithAsync(w, "code flow token", t => GiveSelfAdministratorAsync(w, t)), UsesScim: true),
        new("OAuth code flow token: give oneself Administrator through /Me", Everything, w => WithAsync(w, "code flow token", async t =>
            Ok(await w.Scim(t).PatchAsync("Me", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"roles","value":[{"value":"Administrator"}]}]}"""))), UsesScim: true),
        new("OAuth code flow token: refresh it", Needs(Edit), RefreshAsync),

        // Console forms (session cookie and anti-forgery token).
        new("console: set one's own roles to Administrator", Everything, async w => Redirected(await w.PostConsoleFormAsync(
            $"/console/employees/{w.ActorId}?handler=Save",
            [new("FirstName", "Pat"), new("LastName", "Tester"), new("PrimaryRoleId", w.AdministratorRoleId.ToString()), new("LoginAuthenticator", "password"), new("Billable", "true")]))),
        new("console: a rule giving Administrator to a group one is in", Everything, async w => Redirected(await w.PostConsoleFormAsync(
            "/console/security/role-rules?handler=Save", [new("Match", "group.displayName"), new("Value", w.TeamName), new("RoleId", w.AdministratorRoleId.ToString())]))),
        new("console: grant oneself Administrator by hand", Everything, async w => Redirected(await w.PostConsoleFormAsync(
            $"/console/employees/{w.ActorId}?handler=Grant", [new("GrantRoleId", w.AdministratorRoleId.ToString())]))),
        new("console: every permission on one's own role", Everything, async w => Redirected(await w.PostConsoleFormAsync(
            $"/console/security/roles/{w.ActorRoleId}?handler=Permissions&tab=permissions", Keys(Everything).Select(k => new KeyValuePair<string, string>("Permissions", k))))),
        new("console: a SCIM token acting for an administrator", Everything, async w => await ShowsAsync(await w.PostConsoleFormAsync(
            "/console/settings/scim-tokens?handler=Generate", [new("Name", "Escalation"), new("OwnerId", w.AdminId.ToString())]), "roster_scim_")),
        new("console: an access key of an administrator", Everything, async w => await ShowsAsync(await w.PostConsoleFormAsync(
            $"/console/employees/{w.AdminId}/security?handler=Add", []), "roster_sk_")),

        // Whoever resets an administrator's second factor can sign in as them with the password alone.
        new("console: reset an administrator's second factor", Everything, async w => Redirected(await w.PostConsoleFormAsync(
            $"/console/employees/{w.AdminId}?handler=ResetSecondFactor", []))),
        new("admin API: reset an administrator's second factor", Everything, async w =>
            Ok(await w.AdminApi.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"employees/{w.AdminId}/second-factor") { Content = PrivilegeWorld.EmptyJson() }))),

        // The Webex-style link: sign in, confirm, copy a token of one's own from the page.
        new("console: a SCIM token by signing in (/console/scim-token/new)", Needs(ScimManage), async w =>
            await KeepShownAsync(w, "sign-in token", await w.PostConsoleFormAsync("/console/scim-token/new", [new("Name", "Webex"), new("Expires", "365")]))),
        new("sign-in token: read users", Needs(ScimManage, View), w => WithAsync(w, "sign-in token", async t => Ok(await w.Scim(t).GetAsync("Users"))), UsesScim: true),
        new("sign-in token: give oneself Administrator", Everything, w => WithAsync(w, "sign-in token", t => GiveSelfAdministratorAsync(w, t)), UsesScim: true),
    ];

    private static PermissionSet Needs(params string[] keys) => PermissionSet.Of(keys);

    private static string[] Keys(PermissionSet permissions) => [.. permissions.Keys];

    private static bool Ok(HttpResponseMessage response) => response.IsSuccessStatusCode;

    private static bool Redirected(HttpResponseMessage response) => response.StatusCode == HttpStatusCode.Redirect;

    private static async Task<bool> ShowsAsync(HttpResponseMessage response, string secretPrefix) =>
        response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadAsStringAsync()).Contains(secretPrefix, StringComparison.Ordinal);

    /// <summary>Keeps the SCIM token a console page shows once under <paramref name="name"/>, when it shows one.</summary>
    private static async Task<bool> KeepShownAsync(PrivilegeWorld world, string name, HttpResponseMessage response)
    {
        var match = System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "roster_scim_[A-Za-z0-9]+");
        if (response.StatusCode != HttpStatusCode.OK || !match.Success)
        {
            return false;
        }

        world.Obtained[name] = match.Value;
        return true;
    }

    private static object BackEndApp(Guid? ownerId) => new
    {
        name = "Back end " + Guid.NewGuid().ToString("N")[..8],
        technicalContacts = new[] { "it@example.com" },
        clientType = "back-end",
        ownerId,
    };

    /// <summary>Keeps the answer's fields (dotted paths) under <paramref name="name"/>, joined by a space, when the call succeeded.</summary>
    private static async Task<bool> KeepAsync(PrivilegeWorld world, string name, HttpResponseMessage response, params string[] fields)
    {
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        var body = await response.ReadObjectAsync();
        world.Obtained[name] = string.Join(' ', fields.Select(f => f.Split('.').Aggregate((JsonNode?)body, (node, part) => node?[part])!.GetValue<string>()));
        return true;
    }

    /// <summary>Runs <paramref name="use"/> with the credential kept under <paramref name="name"/>; false when none was obtained.</summary>
    private static Task<bool> WithAsync(PrivilegeWorld world, string name, Func<string, Task<bool>> use) =>
        world.Obtained.TryGetValue(name, out var credential) ? use(credential) : Task.FromResult(false);

    private static async Task<bool> GiveSelfAdministratorAsync(PrivilegeWorld world, string token) =>
        Ok(await world.Scim(token).PatchAsync($"Users/{world.ActorId}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"roles","value":[{"value":"Administrator"}]}]}"""));

    private static async Task<bool> ChangeAdministratorAsync(PrivilegeWorld world, string token) =>
        Ok(await world.Scim(token).PatchAsync($"Users/{world.AdminId}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Changed"}]}"""));

    private static Task<bool> ClientCredentialsAsync(PrivilegeWorld world, string client, string keepAs) => WithAsync(world, client, async pair =>
    {
        var (clientId, secret) = (pair.Split(' ')[0], pair.Split(' ')[1]);
        using var http = world.Server.CreateClient(null);
        var response = await http.ClientCredentialsPostAsync(clientId, secret);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        world.Obtained[keepAs] = (string)(await response.ReadJsonAsync())["access_token"]!;
        return true;
    });

    /// <summary>A client-credentials token with <paramref name="scopes"/> for the client kept under <paramref name="client"/>, then <paramref name="use"/> on the admin API.</summary>
    private static Task<bool> MachineAsync(PrivilegeWorld world, string client, string scopes, Func<HttpClient, Task<HttpResponseMessage>> use) => WithAsync(world, client, async pair =>
    {
        var (clientId, secret) = (pair.Split(' ')[0], pair.Split(' ')[1]);
        using var http = world.Server.CreateClient(null);
        var response = await http.ClientCredentialsPostAsync(clientId, secret, scopes);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        using var machine = world.Server.CreateClient(null, $"api/v1/orgs/{world.OrgId}/");
        machine.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (string)(await response.ReadJsonAsync())["access_token"]!);
        return Ok(await use(machine));
    });

    private static async Task<bool> CodeFlowAsync(PrivilegeWorld world)
    {
        var url = $"/auth/authorize?client_id={world.ServiceKey.Key.KeyId}&response_type=code&scope={Uri.EscapeDataString("openid scim offline_access")}" +
            $"&redirect_uri={Uri.EscapeDataString(OktaCallback)}&state=s";
        using var browser = new OAuthBrowser(world.Server.BaseAddress);
        var signIn = await browser.GetAsync(url);
        var consent = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(url),
            new Dictionary<string, string> { ["Email"] = world.ActorEmail, ["Password"] = Admin.AdminSessions.Password });
        if (consent.Html is null || !consent.Html.Contains("roster_decision", StringComparison.Ordinal))
        {
            return false;
        }

        var back = await browser.SubmitAsync(consent.Html, "/auth/authorize", new Dictionary<string, string> { ["roster_decision"] = "allow" });
        var code = back.LeftTo is { } left ? HttpUtility.ParseQueryString(left.Query)["code"] : null;
        if (code is null)
        {
            return false;
        }

        using var okta = world.Server.CreateClient(null);
        var exchanged = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = OktaCallback,
            ["client_id"] = world.ServiceKey.Key.KeyId,
            ["client_secret"] = world.ServiceKey.Secret,
        }));
        if (!exchanged.IsSuccessStatusCode)
        {
            return false;
        }

        var tokens = await exchanged.ReadJsonAsync();
        world.Obtained["code flow token"] = (string)tokens["access_token"]!;
        world.Obtained["code flow refresh"] = (string)tokens["refresh_token"]!;
        return true;
    }

    private static Task<bool> RefreshAsync(PrivilegeWorld world) => WithAsync(world, "code flow refresh", async refresh =>
    {
        using var okta = world.Server.CreateClient(null);
        var refreshed = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refresh,
            ["client_id"] = world.ServiceKey.Key.KeyId,
            ["client_secret"] = world.ServiceKey.Secret,
        }));
        return refreshed.IsSuccessStatusCode;
    });
}
