using System.Net;
using System.Net.Http.Json;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Seeds;

/// <summary>
/// Seed guide 001 (Korean): "SCIM으로 CXone 및 Okta 통합", CXone with Okta using an access key,
/// in the guide's order.
/// <para>CXone console steps (UI-only in the guide) and the Roster call that stands for each:</para>
/// <list type="number">
/// <item>App selector > Admin: HTTP Basic sign-in to the admin API.</item>
/// <item>Security > Roles and permissions > New role "SCIM 액세스 키" with Employees create and edit
/// (view turns on by itself), Save and activate: <c>POST /roles</c>.</item>
/// <item>Employees > Create employee with own email, "SCIM AccessKey" names, the new primary role,
/// every billing attribute cleared, a login authenticator: <c>POST /employees</c> (after
/// <c>PUT /scim-settings</c> turns SCIM off: a new tenant has it on, which refuses manual creation).</item>
/// <item>Employee table > Invite, activation email: <c>POST /employees/{id}/invite</c>, <c>POST /api/v1/activation</c>.</item>
/// </list>
/// <para>Okta steps are the IdP's own (create an SWA app, enable SCIM provisioning, base URL
/// <c>{publicBaseUrl}/scim/v2</c> from <c>GET /api/v1/orgs/{orgId}</c>, unique identifier userName,
/// push new users and profile updates; To App: create users, update attributes, deactivate users):
/// the test plays them with Okta's request shapes and User-Agent.</para>
/// <para>Then the guide's OAuth 2 steps: the profile's Security tab > Access keys > Add access key
/// (<c>POST /employees/{id}/access-keys</c>, ID and secret shown once); Okta's authentication mode
/// "OAuth 2" with <c>/auth/token</c>, <c>/auth/authorize?scope=openid</c> and the key as client ID
/// and secret; "Authenticate with CXone": Okta's browser redirect, sign-in as the key's profile,
/// consent, Okta's callback with a code, the code exchanged with client_secret_post for an access
/// and a refresh token. Okta's callback is trusted for access keys without registering it.
/// Every change Okta makes is credited to the key's profile.</para>
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CxoneOktaScimSetupTests(RosterServerFixture server)
{
    private const string OktaAgent = "Okta SCIM Client 1.0.0";

    [Fact]
    public async Task Guide_steps_in_order_let_okta_create_update_and_deactivate_users_with_their_roles()
    {
        var console = await SeedConsole.SignInAsync(server);

        // Access key role and profile.
        var accessKeyRole = await console.CreateRoleAsync("SCIM 액세스 키", "employees.edit");
        Assert.Contains("employees.view", accessKeyRole["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
        await console.SaveScimSettingsAsync(enabled: false);
        var email = SeedConsole.UniqueEmail("scim-accesskey", "example.kr");
        var created = await console.Http.PostAsJsonAsync("employees", new
        {
            email,
            firstName = "SCIM",
            lastName = "AccessKey",
            primaryRoleId = accessKeyRole.Id(),
            loginAuthenticator = "password",
            billing = new { billable = false, licenses = Array.Empty<string>() },
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var profileId = (await created.ReadObjectAsync()).Id();
        var key = await console.AddAccessKeyAsync(profileId);
        await console.InviteAndActivateAsync(profileId, email);
        Assert.Equal("active", (await console.FindEmployeeAsync(email))!["status"]!.GetValue<string>());

        // Roles the IdP will send, a default for users sent without one, and SCIM back on.
        var agent = await console.CreateRoleAsync("Agent");
        await console.CreateRoleAsync("Supervisor");
        await console.SaveScimSettingsAsync(enabled: true, defaultRoleId: agent.Id());

        // Okta's SCIM connection: base URL, OAuth 2 with the token and authorize endpoints, the access
        // key ID and secret as client ID and secret, then "Authenticate with CXone" as the key's profile.
        var org = await console.GetAsync("");
        Assert.EndsWith("/auth/token", org["tokenEndpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        var tokens = await console.AuthenticateWithRosterAsync(
            org["authorizeEndpoint"]!.GetValue<string>() + "?scope=openid",
            org["tokenEndpoint"]!.GetValue<string>(),
            key["accessKeyId"]!.GetValue<string>(),
            key["secretAccessKey"]!.GetValue<string>(),
            email,
            "https://system-admin.okta.com/admin/app/cpc/roster_okta/oauth/callback");
        Assert.Contains("scim", tokens["scope"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(tokens["refresh_token"]);
        var okta = console.IdentityProvider(org["publicBaseUrl"]!.GetValue<string>() + "/scim/v2", tokens["access_token"]!.GetValue<string>(), OktaAgent);
        Assert.Equal("inactive", (await console.GetAsync("scim-settings"))["status"]!.GetValue<string>());

        // Okta checks the connection, then looks the user up by userName before creating it.
        Assert.Equal(HttpStatusCode.OK, (await okta.GetAsync("Users?startIndex=1&count=2")).StatusCode);
        var userName = SeedConsole.UniqueEmail("minji.kim", "example.kr");
        var lookup = await (await okta.GetAsync("Users?filter=" + Uri.EscapeDataString($"userName eq \"{userName}\"") + "&startIndex=1&count=100")).ReadObjectAsync();
        Assert.Equal(0, lookup["totalResults"]!.GetValue<int>());

        // Create users: one with a role of another case (refused, naming it), then as Okta maps it.
        var wrongCase = await okta.PostAsync("Users", ScimHttp.Json(OktaUser(userName, "Minji", "Kim", """[{"value":"supervisor","display":"supervisor","primary":true}]""")));
        var refusal = await wrongCase.ReadObjectAsync();
        Assert.Equal(HttpStatusCode.BadRequest, wrongCase.StatusCode);
        Assert.Equal("invalidValue", refusal["scimType"]!.GetValue<string>());
        Assert.Contains("'supervisor'", refusal["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var pushed = await okta.PostAsync("Users", ScimHttp.Json(OktaUser(userName, "Minji", "Kim", """[{"value":"Supervisor","display":"Supervisor","primary":true}]""")));
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        var userId = (await pushed.ReadObjectAsync()).Id();
        var withoutRoleName = SeedConsole.UniqueEmail("jisoo.park", "example.kr");
        var withoutRole = await okta.CreateUserAsync(withoutRoleName, "\"name\":{\"givenName\":\"Jisoo\",\"familyName\":\"Park\"},\"active\":true");

        // Update user attributes: Okta sends the whole user with PUT.
        var put = await okta.PutAsync($"Users/{userId}", ScimHttp.Json(OktaUser(userName, "Minji", "Kim-Lee", """[{"value":"Supervisor","display":"Supervisor","primary":true}]""", $"\"id\":\"{userId}\",")));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        // Deactivate users: Okta's PATCH without a path.
        var deactivate = await okta.PatchAsync($"Users/{userId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);

        var user = await (await okta.GetAsync($"Users/{userId}")).ReadObjectAsync();
        Assert.Equal("Kim-Lee", user["name"]!["familyName"]!.GetValue<string>());
        Assert.False(user["active"]!.GetValue<bool>());
        Assert.Equal(["Supervisor"], user["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()));
        Assert.Equal(["Agent"], withoutRole["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()));

        var employee = (await console.FindEmployeeAsync(userName))!;
        Assert.Equal("deactivated", employee["status"]!.GetValue<string>());
        Assert.Equal(["Supervisor"], employee["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["Agent"], (await console.FindEmployeeAsync(withoutRoleName))!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        var audit = await console.AuditOfAsync("User", userId);
        Assert.Equal(["user.create", "user.update", "user.update"], audit.Select(e => e["action"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal(key["id"]!.GetValue<string>(), e["credentialId"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal(profileId, e["actorProfileId"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal("Okta", e["client"]!.GetValue<string>()));

        var settings = await console.GetAsync("scim-settings");
        Assert.Equal("active", settings["status"]!.GetValue<string>());
        Assert.Equal("Okta", settings["lastClient"]!.GetValue<string>());
    }

    [Fact]
    public async Task Okta_pushes_a_group_and_its_members_after_the_setup()
    {
        var console = await SeedConsole.SignInAsync(server);
        var token = await console.IssueScimTokenAsync("Okta");
        var okta = console.IdentityProvider($"{server.BaseAddress}scim/v2/{console.OrgId}", token.Token, OktaAgent);
        var first = await okta.CreateUserAsync(SeedConsole.UniqueEmail("a", "example.kr"));
        var second = await okta.CreateUserAsync(SeedConsole.UniqueEmail("b", "example.kr"));

        var group = await okta.PostAsync("Groups", ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Seoul agents","members":[]}"""));
        var groupId = (await group.ReadObjectAsync()).Id();
        var add = await okta.PatchAsync($"Groups/{groupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{first.Id()}}","display":"a"},{"value":"{{second.Id()}}","display":"b"}]}]}""");
        var remove = await okta.PatchAsync($"Groups/{groupId}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{first.Id()}}\"]"}]}""");

        Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        Assert.True(add.IsSuccessStatusCode);
        Assert.True(remove.IsSuccessStatusCode);
        var stored = await (await okta.GetAsync($"Groups/{groupId}")).ReadObjectAsync();
        Assert.Equal([second.Id()], stored["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()));
        var audit = await console.AuditOfAsync("Group", groupId);
        Assert.Equal(["group.create", "group.members.add", "group.members.remove"], audit.Select(e => e["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_provisioned_employee_names_its_primary_role_by_id_too()
    {
        var console = await SeedConsole.SignInAsync(server);
        var supervisor = await console.CreateRoleAsync("Supervisor");
        var token = await console.IssueScimTokenAsync("Okta");
        var okta = console.IdentityProvider($"{server.BaseAddress}scim/v2", token.Token, OktaAgent);
        var userName = SeedConsole.UniqueEmail("seo.yeon", "example.kr");
        await okta.CreateUserAsync(userName, "\"roles\":[{\"value\":\"Supervisor\",\"primary\":true}]");

        var employee = (await console.FindEmployeeAsync(userName))!;

        Assert.Equal("Supervisor", employee["primaryRole"]!.GetValue<string>());
        Assert.Equal(supervisor.Id(), employee["primaryRoleId"]?.GetValue<string>());
    }

    private static string OktaUser(string userName, string givenName, string familyName, string roles, string id = "") => $$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],{{id}}"userName":"{{userName}}",
         "name":{"givenName":"{{givenName}}","familyName":"{{familyName}}"},
         "emails":[{"primary":true,"value":"{{userName}}","type":"work"}],
         "displayName":"{{givenName}} {{familyName}}","locale":"ko-KR","active":true,"roles":{{roles}}}
        """;
}
