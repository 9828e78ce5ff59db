using System.Net;
using System.Net.Http.Json;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Seeds;

/// <summary>
/// Seed guide 002 (Chinese): "CXone 与 Okta 与 SCIM 集成", CXone with Okta through a registered
/// OAuth app, every Okta user getting the "坐席" (Agent) role, in the guide's order.
/// <para>CXone console steps (UI-only in the guide) and the Roster call that stands for each:</para>
/// <list type="number">
/// <item>The business unit ID the registration asks for: <c>orgId</c> of <c>GET /api/v1/orgs/{orgId}</c>.</item>
/// <item>"Make sure your user role has the SCIM permission": Security settings > Roles and
/// permissions > your role > Permissions > Admin > General permissions > SCIM on:
/// <c>PUT /roles/{id}/permissions</c> adding <c>scim.manage</c> (without it the SCIM settings are 403 naming it).</item>
/// <item>"Create a role named Agent if you have none" (New role, Name, Save and activate): <c>POST /roles</c>,
/// made the required role of every provisioned user with <c>PUT /scim-settings</c> (the console's form for CXone's fixed rule).</item>
/// </list>
/// <para>Okta steps (SWA app, enable SCIM provisioning, base URL <c>{publicBaseUrl}/scim/v2</c>,
/// unique identifier userName, push new users and profile updates, To App: create, update, deactivate)
/// are the IdP's own; the test plays them with Okta's request shapes.</para>
/// <para>Then the registration (Developer > App registrations, <c>POST /apps</c>): name,
/// description, technical contacts, the organization (apps are always single-tenant), client type
/// (a back-end app is refused by the sign-in flow with a message to choose a user type),
/// client_secret_post, scopes, the redirect URL
/// <c>https://system-admin.okta.com/admin/app/cpc/{appName}/oauth/callback</c>; the client ID and
/// secret (shown once) go into Okta's OAuth 2 mode with <c>/auth/token</c>, and "Authenticate with
/// CXone" runs the authorization code flow through <c>/auth/authorize?scope=openid</c>. Changes are
/// credited to the person who authenticated. Not modelled: the email CXone sends the registration
/// to (Roster shows the registration at once instead); the FedRAMP choice is the deployment's.</para>
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CxoneOktaAppRegistrationScimSetupTests(RosterServerFixture server)
{
    private const string OktaAgent = "Okta SCIM Client 1.0.0";

    [Fact]
    public async Task Guide_steps_in_order_give_every_okta_user_the_agent_role()
    {
        var console = await SeedConsole.SignInAsync(server);
        var integrator = await server.AddEmployeeAsync(console.Admin.Tenant, "roles.manage", "employees.view");

        // Registration needs the business unit ID and shows where Okta will authenticate.
        var org = await console.GetAsync("");
        Assert.Equal(console.OrgId.ToString(), org["orgId"]!.GetValue<string>());
        Assert.EndsWith("/auth/token", org["tokenEndpoint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("/auth/authorize", org["authorizeEndpoint"]!.GetValue<string>(), StringComparison.Ordinal);

        // The integrator's role gets the SCIM permission. Holding roles.manage is not enough to
        // give it to oneself (no one obtains a permission they do not hold): an administrator who
        // holds scim.manage adds it.
        var denied = await AdminAssert.ProblemAsync(await integrator.Http.GetAsync("scim-settings"), HttpStatusCode.Forbidden);
        Assert.Contains("scim.manage", denied["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var roleId = (await (await integrator.Http.GetAsync($"employees/{integrator.EmployeeId}")).ReadObjectAsync())["primaryRoleId"]!.GetValue<string>();
        var selfGrant = await integrator.Http.PutAsJsonAsync($"roles/{roleId}/permissions", new { permissions = new[] { "roles.manage", "employees.view", "scim.manage" } });
        Assert.Contains("scim.manage", (await AdminAssert.ProblemAsync(selfGrant, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var granted = await console.Http.PutAsJsonAsync($"roles/{roleId}/permissions", new { permissions = new[] { "roles.manage", "employees.view", "scim.manage" } });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await integrator.Http.GetAsync("scim-settings")).StatusCode);

        // The Agent role, required for every provisioned user.
        var agent = await console.CreateRoleAsync("Agent");
        await console.CreateRoleAsync("Supervisor");
        var saved = await integrator.Http.PutAsJsonAsync("scim-settings", new { enabled = true, requiredRoleId = agent.Id(), userNameMustBePrimaryEmail = false, namesNotUpdatable = false });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Developer > App registrations: the registration form. A back-end app is refused by the
        // sign-in flow with a message that says to pick a user type; a user-confidential one works.
        const string callback = "https://system-admin.okta.com/admin/app/cpc/roster_cxone/oauth/callback";
        var backEnd = await console.Http.PostAsJsonAsync("apps", AppForm("back-end", callback));
        Assert.Equal(HttpStatusCode.Created, backEnd.StatusCode);
        var refusal = await RefusalForAsync((await backEnd.ReadObjectAsync())["app"]!["clientId"]!.GetValue<string>(), org["authorizeEndpoint"]!.GetValue<string>(), callback, console.Admin.Email);
        Assert.Contains("user type", refusal, StringComparison.Ordinal);
        var registered = await console.Http.PostAsJsonAsync("apps", AppForm("user-confidential", callback));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var app = await registered.ReadObjectAsync();
        Assert.Equal("client_secret_post", app["app"]!["tokenEndpointAuthMethod"]!.GetValue<string>());
        Assert.Equal(console.OrgId.ToString(), app["app"]!["orgId"]!.GetValue<string>());
        var clientId = app["app"]!["clientId"]!.GetValue<string>();

        // Okta: OAuth 2 with the client ID and secret, then "Authenticate with CXone".
        var tokens = await console.AuthenticateWithRosterAsync(
            org["authorizeEndpoint"]!.GetValue<string>() + "?scope=openid",
            org["tokenEndpoint"]!.GetValue<string>(),
            clientId,
            app["clientSecret"]!.GetValue<string>(),
            console.Admin.Email,
            callback);
        var okta = console.IdentityProvider(org["publicBaseUrl"]!.GetValue<string>() + "/scim/v2", tokens["access_token"]!.GetValue<string>(), OktaAgent);

        // Create users: no role sent, and a role sent; both end with Agent.
        var plainName = SeedConsole.UniqueEmail("li.wei", "example.cn");
        var plain = await okta.CreateUserAsync(plainName, "\"name\":{\"givenName\":\"Wei\",\"familyName\":\"Li\"},\"active\":true");
        var leadName = SeedConsole.UniqueEmail("wang.fang", "example.cn");
        var lead = await okta.CreateUserAsync(leadName, "\"name\":{\"givenName\":\"Fang\",\"familyName\":\"Wang\"},\"active\":true,\"roles\":[{\"value\":\"Supervisor\",\"primary\":true}]");
        Assert.Equal(["Agent"], plain["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()));
        Assert.Equal(["Supervisor", "Agent"], lead["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()));
        Assert.Equal(["Supervisor", "Agent"], (await console.FindEmployeeAsync(leadName))!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        // Update user attributes: a PUT that drops the roles still keeps Agent.
        var put = await okta.PutAsync($"Users/{plain.Id()}", ScimHttp.Json($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{plain.Id()}}","userName":"{{plainName}}","name":{"givenName":"Wei","familyName":"Li"},"title":"Agent L2","active":true}"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["Agent"], (await put.ReadObjectAsync())["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()));

        // Deactivate users.
        var deactivate = await okta.PatchAsync($"Users/{plain.Id()}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}""");
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.Equal("deactivated", (await console.FindEmployeeAsync(plainName))!["status"]!.GetValue<string>());

        var audit = await console.AuditOfAsync("User", plain.Id());
        Assert.Equal(["user.create", "user.update", "user.update"], audit.Select(e => e["action"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal(app["app"]!["id"]!.GetValue<string>(), e["credentialId"]!.GetValue<string>()));
        Assert.All(audit, e => Assert.Equal(console.Admin.EmployeeId.ToString(), e["actorProfileId"]!.GetValue<string>()));
        var settings = await console.GetAsync("scim-settings");
        Assert.Equal("active", settings["status"]!.GetValue<string>());
        Assert.Equal("Okta", settings["lastClient"]!.GetValue<string>());
    }

    private static object AppForm(string clientType, string callback) => new
    {
        name = "Okta CXone Integration",
        description = "User provisioning from Okta",
        technicalContacts = new[] { "it-admin@example.cn" },
        clientType,
        redirectUris = new[] { callback },
        scopes = new[] { "openid", "offline_access", "scim" },
    };

    private async Task<string> RefusalForAsync(string clientId, string authorizeEndpoint, string callback, string email)
    {
        using var browser = new OAuth.OAuthBrowser(server.BaseAddress);
        var url = $"{authorizeEndpoint}?scope=openid&client_id={Uri.EscapeDataString(clientId)}&response_type=code&redirect_uri={Uri.EscapeDataString(callback)}";
        var signIn = await browser.GetAsync(url);
        var refused = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(new Uri(url).PathAndQuery), new Dictionary<string, string> { ["Email"] = email, ["Password"] = AdminSessions.Password });
        return System.Web.HttpUtility.ParseQueryString(refused.LeftTo!.Query)["error_description"] ?? "";
    }

    [Fact]
    public async Task Removing_roles_keeps_the_required_agent_role()
    {
        var console = await SeedConsole.SignInAsync(server);
        var agent = await console.CreateRoleAsync("Agent");
        await console.CreateRoleAsync("Supervisor");
        await console.SaveScimSettingsAsync(enabled: true, requiredRoleId: agent.Id());
        var token = await console.IssueScimTokenAsync("Okta");
        var okta = console.IdentityProvider($"{server.BaseAddress}scim/v2", token.Token, OktaAgent);
        var user = await okta.CreateUserAsync(SeedConsole.UniqueEmail("zhou", "example.cn"), "\"roles\":[{\"value\":\"Supervisor\"}]");

        var all = await okta.PatchAsync($"Users/{user.Id()}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"roles"}]}""");
        var agentOnly = await okta.PatchAsync($"Users/{user.Id()}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"roles[value eq \"Agent\"]"}]}""");

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(HttpStatusCode.OK, agentOnly.StatusCode);
        var read = await (await okta.GetAsync($"Users/{user.Id()}")).ReadObjectAsync();
        Assert.Equal(["Agent"], read["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Renaming_the_agent_role_keeps_its_users_updatable_under_the_new_name()
    {
        var console = await SeedConsole.SignInAsync(server);
        var agent = await console.CreateRoleAsync("Agent");
        await console.SaveScimSettingsAsync(enabled: true, requiredRoleId: agent.Id());
        var token = await console.IssueScimTokenAsync("Okta");
        var okta = console.IdentityProvider($"{server.BaseAddress}scim/v2", token.Token, OktaAgent);
        var email = SeedConsole.UniqueEmail("sun", "example.cn");
        var user = await okta.CreateUserAsync(email);

        var renamed = await console.Http.PutAsJsonAsync($"roles/{agent.Id()}/name", new { name = "坐席" });
        var update = await okta.PatchAsync($"Users/{user.Id()}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"坐席主管"}]}""");

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.True(update.StatusCode == HttpStatusCode.OK, await update.Content.ReadAsStringAsync());
        var read = await (await okta.GetAsync($"Users/{user.Id()}")).ReadObjectAsync();
        Assert.Equal(["坐席"], read["roles"]!.AsArray().Select(r => r!["value"]!.GetValue<string>()));
        Assert.Equal(["坐席"], (await console.FindEmployeeAsync(email))!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task The_agent_role_cannot_be_deactivated_while_required_and_other_cases_of_it_are_refused()
    {
        var console = await SeedConsole.SignInAsync(server);
        var agent = await console.CreateRoleAsync("Agent");
        await console.SaveScimSettingsAsync(enabled: true, requiredRoleId: agent.Id());
        var token = await console.IssueScimTokenAsync("Okta");
        var okta = console.IdentityProvider($"{server.BaseAddress}scim/v2", token.Token, OktaAgent);

        var deactivate = await console.Http.PostNoBodyAsync($"roles/{agent.Id()}/deactivate");
        var lowerCase = await okta.PostAsync("Users", ScimHttp.Json($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{SeedConsole.UniqueEmail("qian", "example.cn")}}","roles":[{"value":"agent"}]}"""));

        var conflict = await AdminAssert.ProblemAsync(deactivate, HttpStatusCode.Conflict);
        Assert.Contains("required role", conflict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, lowerCase.StatusCode);
        Assert.Contains("'agent'", (await lowerCase.ReadObjectAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, (await console.GetAsync("employees?search=example.cn"))["totalCount"]!.GetValue<int>());
    }
}
