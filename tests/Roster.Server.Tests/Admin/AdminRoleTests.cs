using System.Net;
using System.Net.Http.Json;
using System.Text;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminRoleTests(RosterServerFixture server)
{
    [Fact]
    public async Task Create_role_is_201_with_location_and_implied_permissions()
    {
        var admin = await server.CreateAdminAsync("roles.manage", "employees.edit");

        var response = await admin.Http.PostAsJsonAsync("roles", new { name = "Agent", permissions = new[] { "employees.edit" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var role = await response.ReadObjectAsync();
        Assert.Equal("Agent", role["name"]!.GetValue<string>());
        Assert.True(role["active"]!.GetValue<bool>());
        Assert.Equal(["employees.view", "employees.edit"], role["permissions"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.EndsWith($"/api/v1/orgs/{admin.OrgId}/roles/{role.Id()}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var fetched = await (await admin.Http.GetAsync($"roles/{role.Id()}")).ReadObjectAsync();
        Assert.Equal("Agent", fetched["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_role_with_a_taken_name_is_409()
    {
        var admin = await server.CreateAdminAsync("roles.manage");
        await admin.Http.PostAsJsonAsync("roles", new { name = "Agent" });

        var response = await admin.Http.PostAsJsonAsync("roles", new { name = "Agent" });
        var otherCase = await admin.Http.PostAsJsonAsync("roles", new { name = "agent" });

        await AdminAssert.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, otherCase.StatusCode);
    }

    [Fact]
    public async Task Create_role_with_an_unknown_permission_is_400_naming_the_field()
    {
        var admin = await server.CreateAdminAsync("roles.manage");

        var response = await admin.Http.PostAsJsonAsync("roles", new { name = "X", permissions = new[] { "everything" } });

        var problem = await AdminAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("everything", problem["errors"]!["permissions"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_role_without_a_name_is_400_naming_the_field()
    {
        var admin = await server.CreateAdminAsync("roles.manage");

        var response = await admin.Http.PostAsJsonAsync("roles", new { permissions = Array.Empty<string>() });

        var problem = await AdminAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["name"]);
    }

    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("not json")]
    [InlineData("{\"name\": 42}")]
    [InlineData("")]
    public async Task Malformed_json_is_400_problem(string body)
    {
        var admin = await server.CreateAdminAsync("roles.manage");

        var response = await admin.Http.PostAsync("roles", new StringContent(body, Encoding.UTF8, "application/json"));

        await AdminAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_wrong_media_type_is_415_and_a_wrong_method_is_405_problem()
    {
        var admin = await server.CreateAdminAsync("roles.manage");

        var text = await admin.Http.PostAsync("roles", new StringContent("{\"name\":\"X\"}", Encoding.UTF8, "text/plain"));
        var delete = await admin.Http.DeleteNoBodyAsync("roles");

        await AdminAssert.ProblemAsync(text, HttpStatusCode.UnsupportedMediaType);
        await AdminAssert.ProblemAsync(delete, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Rename_set_permissions_deactivate_and_activate()
    {
        var admin = await server.CreateAdminAsync("roles.manage", "audit.view");
        var id = (await (await admin.Http.PostAsJsonAsync("roles", new { name = "Agent" })).ReadObjectAsync()).Id();

        var renamed = await admin.Http.PutAsJsonAsync($"roles/{id}/name", new { name = "Senior agent" });
        var changed = await admin.Http.PutAsJsonAsync($"roles/{id}/permissions", new { permissions = new[] { "audit.view" } });
        var deactivated = await admin.Http.PostNoBodyAsync($"roles/{id}/deactivate");
        var activated = await admin.Http.PostNoBodyAsync($"roles/{id}/activate");

        Assert.Equal("Senior agent", (await renamed.ReadObjectAsync())["name"]!.GetValue<string>());
        Assert.Equal("audit.view", (await changed.ReadObjectAsync())["permissions"]![0]!.GetValue<string>());
        Assert.False((await deactivated.ReadObjectAsync())["active"]!.GetValue<bool>());
        Assert.True((await activated.ReadObjectAsync())["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Rename_to_an_empty_name_is_400_and_an_unknown_role_is_404()
    {
        var admin = await server.CreateAdminAsync("roles.manage");
        var id = (await (await admin.Http.PostAsJsonAsync("roles", new { name = "Agent" })).ReadObjectAsync()).Id();

        var empty = await admin.Http.PutAsJsonAsync($"roles/{id}/name", new { name = "  " });
        var unknown = await admin.Http.PutAsJsonAsync($"roles/{Guid.NewGuid()}/name", new { name = "X" });
        var unknownGet = await admin.Http.GetAsync($"roles/{Guid.NewGuid()}");
        var badPermissions = await admin.Http.PutAsJsonAsync($"roles/{id}/permissions", new { permissions = new[] { "nope" } });
        var noPermissions = await admin.Http.PutAsJsonAsync($"roles/{id}/permissions", new { });

        Assert.NotNull((await AdminAssert.ProblemAsync(empty, HttpStatusCode.BadRequest))["errors"]!["name"]);
        await AdminAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        await AdminAssert.ProblemAsync(unknownGet, HttpStatusCode.NotFound);
        Assert.NotNull((await AdminAssert.ProblemAsync(badPermissions, HttpStatusCode.BadRequest))["errors"]!["permissions"]);
        Assert.NotNull((await AdminAssert.ProblemAsync(noPermissions, HttpStatusCode.BadRequest))["errors"]!["permissions"]);
    }

    [Fact]
    public async Task Employees_view_may_list_roles_but_not_change_them()
    {
        var viewer = await server.CreateAdminAsync("employees.view");

        var list = await viewer.Http.GetAsync("roles");
        var catalogue = await viewer.Http.GetAsync("permissions");
        var create = await viewer.Http.PostAsJsonAsync("roles", new { name = "Agent" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, catalogue.StatusCode);
        var problem = await AdminAssert.ProblemAsync(create, HttpStatusCode.Forbidden);
        Assert.Contains("roles.manage", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_permission_roles_are_403_naming_it()
    {
        var nobody = await server.CreateAdminAsync("audit.view");

        var list = await nobody.Http.GetAsync("roles");
        var deactivate = await nobody.Http.PostNoBodyAsync($"roles/{Guid.NewGuid()}/deactivate");

        Assert.Contains("roles.manage", (await AdminAssert.ProblemAsync(list, HttpStatusCode.Forbidden))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await AdminAssert.ProblemAsync(deactivate, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_the_permission_the_body_is_never_read()
    {
        var nobody = await server.CreateAdminAsync("audit.view");

        var response = await nobody.Http.PostAsync("roles", new StringContent("{\"name\":", Encoding.UTF8, "application/json"));

        await AdminAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Permission_catalogue_lists_every_key_with_implications()
    {
        var admin = await server.CreateAdminAsync("roles.manage");

        var catalogue = (await (await admin.Http.GetAsync("permissions")).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonArray>())!;

        Assert.Equal(9, catalogue.Count);
        var edit = catalogue.Single(p => p!["key"]!.GetValue<string>() == "employees.edit")!;
        Assert.Equal("employees.view", edit["implies"]!.GetValue<string>());
        var webhooks = catalogue.Single(p => p!["key"]!.GetValue<string>() == "webhooks.manage")!;
        Assert.Equal("events.read", webhooks["implies"]!.GetValue<string>());
    }
}
