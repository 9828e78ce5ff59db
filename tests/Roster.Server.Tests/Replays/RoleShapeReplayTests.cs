using System.Net;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.RoleRules;

namespace Roster.Server.Tests.Replays;

/// <summary>
/// The shapes in which Entra ID and Okta send <c>roles</c>, replayed with value rules mapping the
/// IdP's role values to Roster roles. Entra ID: Microsoft Learn, "Customize user provisioning
/// attribute-mappings for SaaS applications in Microsoft Entra ID", section "Provisioning a role
/// to a SCIM app" (SingleAppRoleAssignment and AppRoleAssignmentsComplex, POST and PATCH
/// examples). Okta: a custom string-array attribute mapped to <c>roles</c> sends plain strings.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class RoleShapeReplayTests(RosterServerFixture server)
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Fact]
    public async Task Entra_SingleAppRoleAssignment_posts_the_primary_role_and_patches_it_as_a_JSON_string()
    {
        var (admin, scim) = await MappedAsync();

        var created = await scim.PostAsync("Users", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"alias","userName":"alias@contoso.OnMicrosoft.com","active":true,
             "displayName":"First Name Last Name","meta":{"resourceType":"User"},
             "roles":[{"primary":true,"type":"WindowsAzureActiveDirectoryRole","value":"Admin"}]}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync()).Id();
        Assert.Equal(["Administrator"], await admin.HeldAsync(id));

        // Entra's PATCH carries the app role assignment as a JSON string; "25" is the app role's value.
        var patched = await scim.PatchAsync($"Users/{id}", $$"""
            {"schemas":["{{PatchOp}}"],"Operations":[{"op":"Add","path":"roles","value":[
              {"value":"{\"id\":\"06b07648-ecfe-589f-9d2f-6325724a46ee\",\"value\":\"25\",\"displayName\":\"Role1234\"}"}]}]}
            """);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var stored = (await patched.ReadObjectAsync())["roles"]!.AsArray();
        Assert.Contains(stored, r => (string?)r!["value"] == "25" && (string?)r["display"] == "Role1234");
        Assert.Equal(["Administrator", "Reader"], await admin.HeldAsync(id));
    }

    [Fact]
    public async Task Entra_AppRoleAssignmentsComplex_sends_every_role_unmarked_with_string_booleans_and_replaces_the_list()
    {
        var (admin, scim) = await MappedAsync();

        var created = await scim.PostAsync("Users", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"alias2","userName":"alias2@contoso.OnMicrosoft.com","active":true,
             "roles":[{"primary":"false","type":"WindowsAzureActiveDirectoryRole","display":"Admin","value":"Admin"},
                      {"primary":"false","type":"WindowsAzureActiveDirectoryRole","display":"User","value":"User"}]}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync()).Id();
        Assert.Equal(["Administrator", "Reader"], (await admin.HeldAsync(id)).Order(StringComparer.Ordinal));

        // The assertive replacement of the whole list drops what is no longer assigned.
        var replaced = await scim.PatchAsync($"Users/{id}", $$"""
            {"schemas":["{{PatchOp}}"],"Operations":[{"op":"Replace","path":"roles","value":[
              {"value":"{\"id\":\"7b0d5a52-1111-4b1e-a1a1-0c9e3a1b2c3d\",\"value\":\"User\",\"displayName\":\"User\"}"}]}]}
            """);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal(["Reader"], await admin.HeldAsync(id));
    }

    [Fact]
    public async Task Okta_sends_a_string_array_attribute_as_plain_strings()
    {
        var (admin, scim) = await MappedAsync();

        var created = await scim.PostAsync("Users", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"okta.strings@example.com","active":true,"roles":["Admin","User"]}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadObjectAsync();
        Assert.Equal(["Admin", "User"], body["roles"]!.AsArray().Select(r => (string)r!["value"]!));
        Assert.Equal(["Administrator", "Reader"], (await admin.HeldAsync(body.Id())).Order(StringComparer.Ordinal));

        var put = await scim.PutAsync($"Users/{body.Id()}", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"okta.strings@example.com","active":true,"roles":["User"]}
            """));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["Reader"], await admin.HeldAsync(body.Id()));
    }

    /// <summary>A tenant whose value rules map Entra's and Okta's role values: "Admin" to Administrator, "User" and "25" to Reader.</summary>
    private async Task<(AdminSession Admin, HttpClient Scim)> MappedAsync()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var administrator = await admin.CreateRoleAsync("Administrator", RoleRuleHttp.Everything);
        var reader = await admin.CreateRoleAsync("Reader", "employees.view");
        await admin.CreateRuleAsync("roles.value", "Admin", administrator);
        await admin.CreateRuleAsync("roles.value", "User", reader);
        await admin.CreateRuleAsync("roles.value", "25", reader);
        return (admin, admin.Tenant.Scim);
    }
}
