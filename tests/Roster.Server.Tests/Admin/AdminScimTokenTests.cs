using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

/// <summary>SCIM tokens through the admin API: generate for a profile, use on SCIM, credit, list, revoke.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminScimTokenTests(RosterServerFixture server)
{
    private const string ScimManage = "scim.manage";

    [Fact]
    public async Task A_token_generated_for_a_profile_works_on_SCIM_and_its_changes_are_credited_to_the_profile()
    {
        var admin = await server.CreateAdminAsync(ScimManage, "audit.view", "employees.edit");
        var owner = await server.AddEmployeeAsync(admin.Tenant, "employees.edit");

        var response = await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = owner.EmployeeId });
        var issued = await response.ReadObjectAsync();
        using var scim = server.CreateClient((string)issued["token"]!, $"scim/v2/{admin.OrgId}/");
        scim.DefaultRequestHeaders.UserAgent.ParseAdd("Okta SCIM Client 1.0.0");
        var user = await scim.CreateUserAsync("pat@example.com");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("roster_scim_", (string?)issued["token"], StringComparison.Ordinal);
        var listed = Assert.Single(JsonNode.Parse(await admin.Http.GetStringAsync("scim-tokens"))!.AsArray(), t => (string?)t!["id"] == issued.Id())!;
        Assert.Null(listed["token"]);
        Assert.Equal(owner.Email, (string?)listed["ownerUserName"]);
        Assert.Equal("Okta", (string?)listed["lastClient"]);
        Assert.Equal("active", (string?)listed["state"]);
        Assert.NotNull(listed["lastUsed"]);
        var audit = JsonNode.Parse(await admin.Http.GetStringAsync($"audit-events?resourceId={user.Id()}"))!;
        var created = audit["events"]!.AsArray().Single()!;
        Assert.Equal(owner.EmployeeId.ToString(), (string?)created["actorProfileId"]);
        Assert.Equal(issued.Id(), (string?)created["credentialId"]);
    }

    [Fact]
    public async Task A_revoked_token_gets_401_saying_so_and_the_list_shows_it_revoked()
    {
        var admin = await server.CreateAdminAsync(ScimManage, "employees.view");
        var issued = await (await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "Entra", ownerId = admin.EmployeeId })).ReadObjectAsync();
        using var scim = server.CreateClient((string)issued["token"]!, $"scim/v2/{admin.OrgId}/");
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users")).StatusCode);

        var revoked = await admin.Http.DeleteNoBodyAsync($"scim-tokens/{issued.Id()}");
        var refused = await scim.GetAsync("Users");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("revoked", (string?)(await revoked.ReadObjectAsync())["state"]);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("revoked", (string?)(await refused.ReadObjectAsync())["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_are_400_naming_the_field_and_nothing_is_issued()
    {
        var admin = await server.CreateAdminAsync(ScimManage);

        var noOwner = await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta" });
        var past = await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = admin.EmployeeId, expires = "2000-01-01T00:00:00Z" });
        var tooFar = await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = admin.EmployeeId, expires = DateTimeOffset.UtcNow.AddYears(5) });
        var unknownOwner = await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = Guid.NewGuid() });

        Assert.NotNull((await AdminAssert.ProblemAsync(noOwner, HttpStatusCode.BadRequest))["errors"]!["ownerId"]);
        Assert.Contains("future", (string?)(await AdminAssert.ProblemAsync(past, HttpStatusCode.BadRequest))["detail"], StringComparison.Ordinal);
        Assert.Contains("730 days", (string?)(await AdminAssert.ProblemAsync(tooFar, HttpStatusCode.BadRequest))["detail"], StringComparison.Ordinal);
        await AdminAssert.ProblemAsync(unknownOwner, HttpStatusCode.NotFound);
        Assert.DoesNotContain(JsonNode.Parse(await admin.Http.GetStringAsync("scim-tokens"))!.AsArray(), t => (string?)t!["name"] == "Okta");
    }

    [Fact]
    public async Task Without_scim_manage_the_token_routes_are_403_and_another_tenants_token_is_404()
    {
        var viewer = await server.CreateAdminAsync("employees.view");
        var other = await server.CreateAdminAsync(ScimManage, "employees.view");
        var theirs = await (await other.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = other.EmployeeId })).ReadObjectAsync();
        var admin = await server.CreateAdminAsync(ScimManage);

        await AdminAssert.ProblemAsync(await viewer.Http.GetAsync("scim-tokens"), HttpStatusCode.Forbidden);
        await AdminAssert.ProblemAsync(await viewer.Http.PostAsJsonAsync("scim-tokens", new { name = "x", ownerId = viewer.EmployeeId }), HttpStatusCode.Forbidden);
        await AdminAssert.ProblemAsync(await admin.Http.DeleteNoBodyAsync($"scim-tokens/{theirs.Id()}"), HttpStatusCode.NotFound);
        using var scim = server.CreateClient((string)theirs["token"]!, $"scim/v2/{other.OrgId}/");
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users")).StatusCode);
    }

    [Fact]
    public async Task A_SCIM_token_is_refused_by_the_admin_API()
    {
        var admin = await server.CreateAdminAsync(ScimManage);
        var issued = await (await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = admin.EmployeeId })).ReadObjectAsync();
        using var withToken = server.CreateClient((string)issued["token"]!, $"api/v1/orgs/{admin.OrgId}/");

        await AdminAssert.ProblemAsync(await withToken.GetAsync("scim-tokens"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Deactivating_the_owner_stops_its_token_at_once()
    {
        var admin = await server.CreateAdminAsync(ScimManage, "employees.edit");
        var owner = await server.AddEmployeeAsync(admin.Tenant, "employees.edit");
        var issued = await (await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "Okta", ownerId = owner.EmployeeId })).ReadObjectAsync();
        using var scim = server.CreateClient((string)issued["token"]!, $"scim/v2/{admin.OrgId}/");
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users")).StatusCode);

        var deactivated = await admin.Tenant.Scim.PatchAsync($"Users/{owner.EmployeeId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        var refused = await scim.GetAsync("Users");

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("owner is deactivated", (string?)(await refused.ReadObjectAsync())["detail"], StringComparison.Ordinal);
    }
}
