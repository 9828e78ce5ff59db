using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.RoleRules;

/// <summary>
/// <c>roles</c> values the IdP sends: aliases mapped by value rules, the tenant's policy for values
/// that name no role (refuse, ignore and record, or the default role), and grants by hand.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ValueRuleTests(RosterServerFixture server)
{
    [Fact]
    public async Task An_alias_maps_a_roles_value_to_a_role_ignoring_case_and_follows_the_rule()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var administrator = await admin.CreateRoleAsync("Administrator", RoleRuleHttp.Everything);
        var scim = admin.Tenant.Scim;

        // Without the rule, "Admin" names no role: refused, as the seeds expect.
        var refused = await scim.PostAsync("Users", ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"early@example.com","roles":[{"value":"Admin"}]}"""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("'Admin'", (string?)(await refused.ReadObjectAsync())["detail"], StringComparison.Ordinal);

        var rule = await admin.CreateRuleAsync("roles.value", "admin", administrator);
        var user = await scim.CreateUserAsync("alias@example.com", "\"roles\":[{\"value\":\"Admin\",\"primary\":true}]");
        var source = (await admin.SourcesAsync(user.Id(), "Administrator")).Single()!;
        Assert.Equal("alias", (string?)source["source"]);
        Assert.Equal("Admin", (string?)source["value"]);

        // The rule now names another role: the grant moves with it; deleted, the grant goes.
        var viewer = await admin.CreateRoleAsync("Viewer", "employees.view");
        var moved = await admin.Http.PutAsJsonAsync($"role-rules/{rule.Id()}", new { match = "roles.value", value = "admin", roleId = viewer });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(["Viewer"], await admin.HeldAsync(user.Id()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteNoBodyAsync($"role-rules/{rule.Id()}")).StatusCode);
        Assert.Empty(await admin.HeldAsync(user.Id()));
    }

    [Fact]
    public async Task Unknown_values_are_refused_ignored_and_recorded_or_given_the_default_role_by_policy()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var fallback = await admin.CreateRoleAsync("Member");
        var scim = admin.Tenant.Scim;
        var body = (string name) => ScimHttp.Json($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{name}}@example.com","roles":[{"value":"Astronaut"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, (await scim.PostAsync("Users", body("refused"))).StatusCode);

        await SetAsync(admin, "ignore", null);
        var ignored = await scim.PostAsync("Users", body("ignored"));
        Assert.Equal(HttpStatusCode.Created, ignored.StatusCode);
        Assert.Empty(await admin.HeldAsync((await ignored.ReadObjectAsync()).Id()));
        Assert.Equal("Astronaut", (string?)(await ignored.ReadObjectAsync())["roles"]![0]!["value"]);

        await SetAsync(admin, "default-role", fallback);
        var defaulted = await scim.PostAsync("Users", body("defaulted"));
        Assert.Equal(HttpStatusCode.Created, defaulted.StatusCode);
        var source = (await admin.SourcesAsync((await defaulted.ReadObjectAsync()).Id(), "Member")).Single()!;
        Assert.Equal("fallback", (string?)source["source"]);
        Assert.Equal("Astronaut", (string?)source["value"]);

        // The admin API and the activity page list the value for an administrator to map.
        var recorded = JsonNode.Parse(await admin.Http.GetStringAsync("role-rules/unmatched-values"))!.AsArray().Single()!;
        Assert.Equal("Astronaut", (string?)recorded["value"]);
        Assert.Equal(2, (long)recorded["count"]!);

        var console = await Isolation.ConsoleSession.SignInAsync(server.BaseAddress, "admin", admin.Email, admin.Password);
        using var page = new HttpRequestMessage(HttpMethod.Get, "console/provisioning/activity");
        console.Apply(page);
        using var http = server.CreateClient(null);
        var html = await (await http.SendAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("Astronaut", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manual_grants_need_the_tenant_to_allow_them_while_scim_is_on_and_stay_beside_the_idps()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var extra = await admin.CreateRoleAsync("Extra", "audit.view");
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("manual@example.com");

        var locked = await admin.Http.PutAsync($"employees/{user.Id()}/role-grants/{extra}", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.Conflict, locked.StatusCode);

        await SetAsync(admin, "refuse", null, manualRoleGrants: true);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsync($"employees/{user.Id()}/role-grants/{extra}", JsonContent.Create(new { }))).StatusCode);
        Assert.Equal("manual", (string?)(await admin.SourcesAsync(user.Id(), "Extra")).Single()!["source"]);

        // The IdP's next write leaves the manual grant alone.
        var put = await scim.PutAsync($"Users/{user.Id()}", ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"manual@example.com","title":"Lead"}"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["Extra"], await admin.HeldAsync(user.Id()));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteNoBodyAsync($"employees/{user.Id()}/role-grants/{extra}")).StatusCode);
        Assert.Empty(await admin.HeldAsync(user.Id()));
    }

    private static async Task SetAsync(AdminSession admin, string unknownRoles, string? defaultRoleId, bool manualRoleGrants = false)
    {
        var response = await admin.Http.PutAsJsonAsync("scim-settings", new
        {
            enabled = true,
            defaultRoleId,
            userNameMustBePrimaryEmail = false,
            namesNotUpdatable = false,
            unknownRoles,
            manualRoleGrants,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
