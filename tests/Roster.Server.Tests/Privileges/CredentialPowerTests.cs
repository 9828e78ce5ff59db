using System.Net;
using System.Net.Http.Json;
using System.Web;
using Roster.Directory.Administration;
using Roster.Directory.Roles;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.OAuth;

namespace Roster.Server.Tests.Privileges;

/// <summary>
/// A credential's power is its owner's permissions now, within what its issuer held: a demotion
/// stops every credential of the person at its next use (SCIM calls, refresh and code
/// exchanges, new client-credentials tokens), and promoting a credential's owner later never
/// hands more to whoever issued it.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CredentialPowerTests(RosterServerFixture server)
{
    private const string OktaCallback = "https://acme.okta.com/admin/app/cpc/roster/oauth/callback";

    [Fact]
    public async Task A_demotion_stops_every_credential_of_the_person_at_its_next_use_and_a_promotion_restores_them()
    {
        var person = await server.CreateAdminAsync("employees.edit", "scim.manage", "accesskeys.manage");
        var roleId = (await (await person.Http.GetAsync($"employees/{person.EmployeeId}")).ReadObjectAsync())["primaryRoleId"]!.GetValue<string>();
        var token = (string)(await (await person.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = person.EmployeeId })).ReadObjectAsync())["token"]!;
        var key = await (await person.Http.PostAsync($"employees/{person.EmployeeId}/access-keys", JsonBody())).ReadObjectAsync();
        var (keyId, secret) = ((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!);
        using var idp = server.CreateClient(null);
        var clientCredentials = (string)(await (await idp.ClientCredentialsPostAsync(keyId, secret)).ReadJsonAsync())["access_token"]!;
        var (accessToken, refreshToken) = await CodeFlowAsync(person, keyId, secret);
        string[] bearers = [token, clientCredentials, accessToken];
        foreach (var bearer in bearers)
        {
            Assert.Equal(HttpStatusCode.Created, (await CreateUserAsync(person, bearer)).StatusCode);
        }

        await SetPermissionsAsync(person, roleId, "scim.manage", "accesskeys.manage", "employees.view");

        foreach (var bearer in bearers)
        {
            var refused = await CreateUserAsync(person, bearer);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("employees.edit", (string?)(await refused.ReadObjectAsync())["detail"], StringComparison.Ordinal);
            using var scim = server.CreateClient(bearer, $"scim/v2/{person.OrgId}/");
            Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users")).StatusCode);
        }

        var refresh = await RefreshAsync(keyId, secret, refreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("invalid_grant", (string?)(await refresh.ReadJsonAsync())["error"]);
        var renewed = await idp.ClientCredentialsPostAsync(keyId, secret);
        Assert.False(renewed.IsSuccessStatusCode);
        Assert.Contains("employees.edit", (string?)(await renewed.ReadJsonAsync())["error_description"], StringComparison.Ordinal);

        await SetPermissionsAsync(person, roleId, "employees.edit", "scim.manage", "accesskeys.manage");

        foreach (var bearer in bearers)
        {
            Assert.Equal(HttpStatusCode.Created, (await CreateUserAsync(person, bearer)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(keyId, secret, refreshToken)).StatusCode);
    }

    [Fact]
    public async Task Promoting_a_credentials_owner_later_never_gives_its_issuer_more_than_they_held()
    {
        var issuer = await server.CreateAdminAsync("employees.edit", "scim.manage", "accesskeys.manage");
        var owner = await server.AddEmployeeAsync(issuer.Tenant, "employees.edit");
        var token = (string)(await (await issuer.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = owner.EmployeeId })).ReadObjectAsync())["token"]!;
        var key = await (await issuer.Http.PostAsync($"employees/{owner.EmployeeId}/access-keys", JsonBody())).ReadObjectAsync();
        using var idp = server.CreateClient(null);
        var keyToken = (string)(await (await idp.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!)).ReadJsonAsync())["access_token"]!;
        var administrator = await server.AddEmployeeAsync(issuer.Tenant, [.. Permission.All.Select(p => p.Key)]);

        // The owner becomes an administrator: they now hold everything, the issuer still does not.
        var administratorProfile = await (await administrator.Http.GetAsync($"employees/{administrator.EmployeeId}")).ReadObjectAsync();
        var administratorRole = administratorProfile["primaryRoleId"]!.GetValue<string>();
        await ScimOffAsync(administrator);
        Assert.Equal(HttpStatusCode.OK, (await administrator.Http.PutAsJsonAsync($"employees/{owner.EmployeeId}", new { primaryRoleId = administratorRole })).StatusCode);
        await ScimOnAsync(administrator);

        foreach (var bearer in new[] { token, keyToken })
        {
            using var scim = server.CreateClient(bearer, $"scim/v2/{owner.OrgId}/");
            Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users")).StatusCode);
            var change = await scim.PatchAsync($"Users/{administrator.EmployeeId}",
                """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Changed"}]}""");
            Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
            Assert.Contains("roles.manage", (string?)(await change.ReadObjectAsync())["detail"], StringComparison.Ordinal);
            var made = await scim.PostAsync("Users", ScimHttp.Json(
                $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{Guid.NewGuid():N}}@example.com","roles":[{"value":"{{administratorProfile["primaryRole"]}}"}]}"""));
            Assert.Equal(HttpStatusCode.Forbidden, made.StatusCode);
        }

        // The owner's own session holds everything: the ceiling bounds the credentials, not the person.
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync("audit-events")).StatusCode);
    }

    [Fact]
    public async Task Setting_an_employees_role_replaces_the_roles_held_so_a_demotion_takes_the_old_one_away()
    {
        var admin = await server.CreateAdminAsync([.. Permission.All.Select(p => p.Key)]);
        await ScimOffAsync(admin);
        var supervisor = (await (await admin.Http.PostAsJsonAsync("roles", new { name = "Supervisor", permissions = new[] { "audit.view" } })).ReadObjectAsync()).Id();
        var agent = (await (await admin.Http.PostAsJsonAsync("roles", new { name = "Agent" })).ReadObjectAsync()).Id();
        var created = await (await admin.Http.PostAsJsonAsync("employees", new { email = "lead@example.com", firstName = "Lee", lastName = "Lead", primaryRoleId = supervisor, roleIds = new[] { agent } })).ReadObjectAsync();
        Assert.Equal(["Supervisor", "Agent"], created["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        var demoted = await (await admin.Http.PutAsJsonAsync($"employees/{created.Id()}", new { primaryRoleId = agent })).ReadObjectAsync();
        Assert.Equal(["Agent"], demoted["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("Agent", demoted["primaryRole"]!.GetValue<string>());

        var both = await (await admin.Http.PutAsJsonAsync($"employees/{created.Id()}", new { roleIds = new[] { agent, supervisor } })).ReadObjectAsync();
        Assert.Equal(["Agent", "Supervisor"], both["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var none = await (await admin.Http.PutAsJsonAsync($"employees/{created.Id()}", new { roleIds = Array.Empty<Guid>() })).ReadObjectAsync();
        Assert.Empty(none["roles"]!.AsArray());
        Assert.Null(none["primaryRole"]);
        var audit = await (await admin.Http.GetAsync($"audit-events?resourceId={created.Id()}")).ReadObjectAsync();
        Assert.Contains(audit["events"]!.AsArray(), e => e!["changes"]?["roles"] is not null);
    }

    private static StringContent JsonBody() => new("{}", System.Text.Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> CreateUserAsync(AdminSession person, string bearer)
    {
        using var scim = server.CreateClient(bearer, $"scim/v2/{person.OrgId}/");
        return await scim.PostAsync("Users", ScimHttp.Json($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{Guid.NewGuid():N}}@example.com"}"""));
    }

    private async Task SetPermissionsAsync(AdminSession person, string roleId, params string[] permissions)
    {
        var changed = await server.Services.GetRequiredService<SetRolePermissions>().ExecuteAsync(AdminActor.Operator(person.OrgId), Guid.Parse(roleId), permissions, CancellationToken.None);
        Assert.True(changed.IsSuccess, changed.Error?.Detail);
    }

    private static async Task ScimOffAsync(AdminSession admin) =>
        (await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = false, userNameMustBePrimaryEmail = false, namesNotUpdatable = false })).EnsureSuccessStatusCode();

    private static async Task ScimOnAsync(AdminSession admin) =>
        (await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = true, userNameMustBePrimaryEmail = false, namesNotUpdatable = false })).EnsureSuccessStatusCode();

    private async Task<(string Access, string Refresh)> CodeFlowAsync(AdminSession person, string clientId, string secret)
    {
        var url = $"/auth/authorize?client_id={clientId}&response_type=code&scope={Uri.EscapeDataString("openid scim offline_access")}&redirect_uri={Uri.EscapeDataString(OktaCallback)}&state=s";
        using var browser = new OAuthBrowser(server.BaseAddress);
        var signIn = await browser.GetAsync(url);
        var consent = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), new Dictionary<string, string> { ["Email"] = person.Email, ["Password"] = person.Password });
        var back = await browser.SubmitAsync(consent.Html!, "/auth/authorize", new Dictionary<string, string> { ["roster_decision"] = "allow" });
        using var okta = server.CreateClient(null);
        var exchanged = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = HttpUtility.ParseQueryString(back.LeftTo!.Query)["code"]!,
            ["redirect_uri"] = OktaCallback,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
        var tokens = await exchanged.ReadJsonAsync();
        return ((string)tokens["access_token"]!, (string)tokens["refresh_token"]!);
    }

    private async Task<HttpResponseMessage> RefreshAsync(string clientId, string secret, string refreshToken)
    {
        using var okta = server.CreateClient(null);
        return await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));
    }
}
