using System.Net;
using System.Net.Http.Json;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Seeds;

/// <summary>
/// Seed guide 000 (Japanese): "CXone Mpower と IdP を SCIM と統合する", CXone with any IdP,
/// in the guide's order: access keys, bearer token, SCIM settings.
/// <para>Console steps (UI-only in the guide) and the Roster call that stands for each:</para>
/// <list type="number">
/// <item>App selector > Admin: sign in to the admin API with HTTP Basic (<see cref="SeedConsole.SignInAsync"/>).</item>
/// <item>Security > Roles and permissions > New role "SCIM AccessKey", Permissions > Admin > Employees
/// create and edit (view turns on by itself), Save and activate: <c>POST /roles</c>.</item>
/// <item>Employees > Create employee (own email, "SCIM AccessKey" names, primary role, every billing
/// attribute cleared, Security > login authenticator), Create: <c>POST /employees</c>. A new tenant
/// has SCIM on, which refuses manual creation (409), so the administrator turns SCIM off first
/// (<c>PUT /scim-settings</c>) and on again at the end.</item>
/// <item>Employee table > Invite, then the activation email's link: <c>POST /employees/{id}/invite</c>
/// and <c>POST /api/v1/activation</c>.</item>
/// <item>Employee table > the profile > Security tab > Access keys > Add access key, copy the ID and
/// the secret (shown once): <c>POST /employees/{id}/access-keys</c>; the pair then works as OAuth 2
/// client credentials at <c>/auth/token</c>.</item>
/// <item>Tenant settings > Account settings > SCIM tokens > user drop-down > Generate, copy once:
/// <c>POST /scim-tokens</c> with the profile as owner; the same step through the real CLI is
/// <c>roster tokens create --owner</c>.</item>
/// <item>The IdP's base URL <c>/scim/v2</c> (tenant from the token, as CXone's URL): from
/// <c>GET /api/v1/orgs/{orgId}</c>'s public base URL.</item>
/// </list>
/// <para>Every change the IdP makes with the token is credited to the profile the token belongs to.</para>
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CxoneIdpScimSetupTests(RosterServerFixture server)
{
    [Fact]
    public async Task Guide_steps_in_order_give_an_idp_credentials_that_provision_users_credited_to_the_access_key_profile()
    {
        var console = await SeedConsole.SignInAsync(server);

        // Access keys, step 2: a role for the credentials-only profile.
        var accessKeyRole = await console.CreateRoleAsync("SCIM AccessKey", "employees.edit");
        Assert.Equal(["employees.view", "employees.edit"], accessKeyRole["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));

        // Step 3: the profile. SCIM is on in a new tenant; a credential-only profile (not billable,
        // no license) is the administrators' all the same, as CXone's service profile is.
        var email = SeedConsole.UniqueEmail("scim-accesskey");
        var profile = new
        {
            email,
            firstName = "SCIM",
            lastName = "AccessKey",
            primaryRoleId = accessKeyRole.Id(),
            loginAuthenticator = "password",
            billing = new { billable = false, licenses = Array.Empty<string>() },
        };
        var created = await console.Http.PostAsJsonAsync("employees", profile);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var employee = await created.ReadObjectAsync();
        Assert.Equal("invited", employee["status"]!.GetValue<string>());
        Assert.Equal("SCIM AccessKey", employee["primaryRole"]!.GetValue<string>());
        Assert.False(employee["billing"]!["billable"]!.GetValue<bool>());
        Assert.Empty(employee["billing"]!["licenses"]!.AsArray());

        // Steps 4-10: the profile's Security tab > Access keys > Add access key; ID and secret copied once.
        var key = await console.AddAccessKeyAsync(employee.Id());
        var keys = await console.Http.GetStringAsync($"access-keys?ownerId={employee.Id()}");
        Assert.Contains(key["accessKeyId"]!.GetValue<string>(), keys, StringComparison.Ordinal);
        Assert.DoesNotContain(key["secretAccessKey"]!.GetValue<string>(), keys, StringComparison.Ordinal);

        // Steps 11-12: invite, activate from the email; the profile can sign in.
        var owner = await console.InviteAndActivateAsync(employee.Id(), email);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("employees")).StatusCode);

        // Bearer token: generated once for the access-key profile, expiring in a year.
        var issued = await console.GenerateScimTokenAsync("IdP (SCIM AccessKey)", employee.Id());
        var token = issued["token"]!.GetValue<string>();
        var tokenId = issued["id"]!.GetValue<string>();
        Assert.InRange(DateTimeOffset.Parse(issued["expires"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddDays(364), DateTimeOffset.UtcNow.AddDays(366));

        // SCIM settings: turned on again, the IdP gets {publicBaseUrl}/scim/v2 and the token.
        await console.SaveScimSettingsAsync(enabled: true);
        var org = await console.GetAsync("");
        var idp = console.IdentityProvider(org["publicBaseUrl"]!.GetValue<string>() + "/scim/v2", token, "GenericIdP/1.0");

        // The IdP may instead use OAuth 2 with the access key as client credentials.
        var oauth = await server.CreateClient(null).PostAsync(org["tokenEndpoint"]!.GetValue<string>(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = key["accessKeyId"]!.GetValue<string>(),
            ["client_secret"] = key["secretAccessKey"]!.GetValue<string>(),
        }));
        Assert.Equal(HttpStatusCode.OK, oauth.StatusCode);
        var accessToken = (await oauth.ReadObjectAsync())["access_token"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await console.IdentityProvider(org["publicBaseUrl"]!.GetValue<string>() + "/scim/v2", accessToken, "GenericIdP/1.0").GetAsync("Users?count=1")).StatusCode);

        // The token is for the SCIM API only.
        using var tokenOnAdmin = server.CreateClient(token, $"api/v1/orgs/{console.OrgId}/");
        Assert.Equal(HttpStatusCode.Unauthorized, (await tokenOnAdmin.GetAsync("employees")).StatusCode);

        // The IdP pushes a new user, updates its attributes, then deactivates it (the guide's three actions).
        var userName = SeedConsole.UniqueEmail("kenji.sato", "example.jp");
        var pushed = await idp.PostAsync("Users", ScimHttp.Json(User(userName)));
        Assert.Equal(HttpStatusCode.Created, pushed.StatusCode);
        var userId = (await pushed.ReadObjectAsync()).Id();
        var updated = await idp.PatchAsync($"Users/{userId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Supervisor"}]}""");
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var deactivated = await idp.PatchAsync($"Users/{userId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);

        var fetched = await (await idp.GetAsync($"Users/{userId}")).ReadObjectAsync();
        Assert.Equal("Supervisor", fetched["title"]!.GetValue<string>());
        Assert.False(fetched["active"]!.GetValue<bool>());
        Assert.Equal("deactivated", (await console.FindEmployeeAsync(userName))!["status"]!.GetValue<string>());

        var audit = await console.AuditOfAsync("User", userId);
        Assert.Equal(["user.create", "user.update", "user.update"], audit.Select(e => e["action"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal(tokenId, e["credentialId"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal(employee.Id(), e["actorProfileId"]!.GetValue<string>()));

        var settings = await console.GetAsync("scim-settings");
        Assert.Equal("active", settings["status"]!.GetValue<string>());
        Assert.Equal("other", settings["lastClient"]!.GetValue<string>());
    }

    [Fact]
    public async Task While_scim_is_on_the_console_cannot_create_or_edit_employees_but_unblocks_a_locked_one()
    {
        var console = await SeedConsole.SignInAsync(server);
        var role = await console.CreateRoleAsync("SCIM AccessKey", "employees.edit");
        var owner = await server.AddEmployeeAsync(console.Admin.Tenant, "employees.view");
        await console.LockOutAsync(owner.Email);

        var create = await console.Http.PostAsJsonAsync("employees", new { email = SeedConsole.UniqueEmail("manual"), firstName = "M", lastName = "N", primaryRoleId = role.Id() });
        var edit = await console.Http.PutAsJsonAsync($"employees/{owner.EmployeeId}", new { clearBilling = true });
        var unlock = await console.Http.PostNoBodyAsync($"employees/{owner.EmployeeId}/unlock");

        await AdminAssert.ProblemAsync(create, HttpStatusCode.Conflict);
        await AdminAssert.ProblemAsync(edit, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, unlock.StatusCode);
        Assert.Equal("active", (await unlock.ReadObjectAsync())["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await owner.Http.GetAsync("employees")).StatusCode);
    }

    [Fact]
    public async Task Idp_deactivating_a_profile_stops_its_sign_in_until_it_is_reactivated()
    {
        var console = await SeedConsole.SignInAsync(server);
        var owner = await server.AddEmployeeAsync(console.Admin.Tenant, "employees.view");
        var token = await console.IssueScimTokenAsync("IdP");
        var idp = console.IdentityProvider($"{server.BaseAddress}scim/v2", token.Token, "GenericIdP/1.0");

        var off = await idp.PatchAsync($"Users/{owner.EmployeeId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        var whileOff = await owner.Http.GetAsync("employees");
        var on = await idp.PatchAsync($"Users/{owner.EmployeeId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":true}]}""");
        var whileOn = await owner.Http.GetAsync("employees");

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, whileOff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(HttpStatusCode.OK, whileOn.StatusCode);
    }

    [Fact]
    public async Task With_scim_turned_off_the_idp_gets_403()
    {
        var console = await SeedConsole.SignInAsync(server);
        var token = await console.IssueScimTokenAsync("IdP");
        var idp = console.IdentityProvider($"{server.BaseAddress}scim/v2", token.Token, "GenericIdP/1.0");
        await console.SaveScimSettingsAsync(enabled: false);

        var response = await idp.PostAsync("Users", ScimHttp.Json(User(SeedConsole.UniqueEmail("off"))));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("turned off", (await response.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string User(string userName) => $$"""
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","name":{"givenName":"Kenji","familyName":"Sato"},
         "emails":[{"value":"{{userName}}","type":"work","primary":true}],"active":true}
        """;
}
