using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Groups;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

/// <summary>Group memberships by hand: refused while SCIM owns them, a one-row change with SCIM off.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminEmployeeGroupTests(RosterServerFixture server)
{
    [Fact]
    public async Task While_scim_is_on_adding_or_removing_a_membership_is_409_and_nothing_changes()
    {
        var admin = await server.CreateAdminAsync("employees.edit");
        var group = await admin.Tenant.Scim.CreateGroupAsync("Support");

        var added = await admin.Http.PutNoBodyAsync($"employees/{admin.EmployeeId}/groups/{group.Id()}");
        var removed = await admin.Http.DeleteNoBodyAsync($"employees/{admin.EmployeeId}/groups/{group.Id()}");

        Assert.Contains("SCIM", (string?)(await AdminAssert.ProblemAsync(added, HttpStatusCode.Conflict))["detail"], StringComparison.Ordinal);
        await AdminAssert.ProblemAsync(removed, HttpStatusCode.Conflict);
        Assert.Null((await (await admin.Tenant.Scim.GetAsync($"Groups/{group.Id()}")).ReadObjectAsync())["members"]);
    }

    [Fact]
    public async Task With_scim_off_a_membership_is_added_and_removed_and_audited_to_the_admin()
    {
        var admin = await server.CreateAdminAsync("employees.edit", "scim.manage", "audit.view");
        var group = await admin.Tenant.Scim.CreateGroupAsync("Support");
        var off = await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = false, userNameMustBePrimaryEmail = false, namesNotUpdatable = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);

        var added = await admin.Http.PutNoBodyAsync($"employees/{admin.EmployeeId}/groups/{group.Id()}");
        var again = await admin.Http.PutNoBodyAsync($"employees/{admin.EmployeeId}/groups/{group.Id()}");
        var members = await MembersAsync(admin, group.Id());
        var removed = await admin.Http.DeleteNoBodyAsync($"employees/{admin.EmployeeId}/groups/{group.Id()}");
        var unknownGroup = await admin.Http.PutNoBodyAsync($"employees/{admin.EmployeeId}/groups/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal([admin.EmployeeId.ToString()], members);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty(await MembersAsync(admin, group.Id()));
        await AdminAssert.ProblemAsync(unknownGroup, HttpStatusCode.NotFound);
        var audit = JsonNode.Parse(await admin.Http.GetStringAsync($"audit-events?resourceId={group.Id()}&action=group.members.add"))!;
        Assert.NotEmpty(audit["events"]!.AsArray());
        Assert.All(audit["events"]!.AsArray(), e => Assert.Equal(admin.EmployeeId.ToString(), (string?)e!["actorProfileId"]));
    }

    private async Task<List<string>> MembersAsync(AdminSession admin, string groupId)
    {
        // SCIM is off for the tenant and its API refuses, so read the group from the directory's own store.
        var store = server.Services.GetRequiredService<GroupStore>();
        var group = await store.GetAsync(new ScimCaller(admin.OrgId, null, "test", null, PermissionSet.Unbounded), groupId, includeMembers: true, CancellationToken.None);
        return [.. (group.GetValueOrThrow().Document["members"]?.AsArray() ?? []).Select(m => (string)m!["value"]!)];
    }
}
