using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.RoleRules;

namespace Roster.Server.Tests.Events;

/// <summary>
/// Roles that move for one person (a member added or removed, a manual grant) reach the feed as
/// <c>employee.roles.changed</c> on that person's resource; roles that a set-based change moves
/// for many at once (a rule created, moved or deleted, a mapped group renamed) as
/// <c>role.grants.added</c> and <c>role.grants.removed</c> on the role's, with every person's id;
/// each in the transaction of the change that moved them.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class RoleGrantEventTests(RosterServerFixture server)
{
    [Fact]
    public async Task Joining_and_leaving_a_mapped_group_appends_employee_roles_changed_for_the_member()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var agent = await admin.CreateRoleAsync("Agent", "employees.view");
        await admin.CreateRuleAsync("group.displayName", "feed-tier2", agent);
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("feed-tier2@example.com");
        var group = await scim.CreateGroupAsync("Feed-Tier2");
        var head = await HeadAsync(admin.Http);

        Assert.Equal(HttpStatusCode.NoContent, (await scim.AddMemberAsync(group.Id(), user.Id())).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await scim.RemoveMemberAsync(group.Id(), user.Id())).StatusCode);

        var roles = (await admin.Http.ReadAllAsync(head)).Where(e => (string)e["type"]! == "employee.roles.changed").ToList();
        Assert.Equal(2, roles.Count);
        Assert.All(roles, e =>
        {
            Assert.Equal("User", (string)e["resource"]!["type"]!);
            Assert.Equal(user.Id(), (string)e["resource"]!["id"]!);
            Assert.Equal(agent, (string)e["data"]!["grant"]!["roleId"]!);
            Assert.Equal("group", (string)e["data"]!["grant"]!["cause"]!["type"]!);
            Assert.Equal(group.Id(), (string)e["data"]!["grant"]!["cause"]!["id"]!);
        });
        Assert.Equal(["gained", "lost"], roles.Select(e => (string)e["data"]!["grant"]!["change"]!));
    }

    [Fact]
    public async Task A_new_rule_appends_role_grants_added_naming_every_member_it_reaches_and_no_employee_roles_changed()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var lead = await admin.CreateRoleAsync("Lead", "audit.view");
        var scim = admin.Tenant.Scim;
        var group = await scim.CreateGroupAsync("Feed leads");
        var members = await AddMembersAsync(scim, group.Id(), "feed-lead", 3);

        var head = await HeadAsync(admin.Http);
        var rule = await admin.CreateRuleAsync("group.displayName", "Feed leads", lead);

        var events = await admin.Http.ReadAllAsync(head);
        Assert.DoesNotContain(events, e => (string)e["type"]! == "employee.roles.changed");
        var added = Assert.Single(events, e => (string)e["type"]! == "role.grants.added");
        AssertGrants(added, lead, "roleRule", rule.Id(), members);
    }

    [Fact]
    public async Task A_rule_moved_to_another_role_appends_removed_for_the_old_role_and_added_for_the_new_over_the_same_people()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var agent = await admin.CreateRoleAsync("Agent", "employees.view");
        var lead = await admin.CreateRoleAsync("Lead", "audit.view");
        var scim = admin.Tenant.Scim;
        var group = await scim.CreateGroupAsync("Feed movers");
        var members = await AddMembersAsync(scim, group.Id(), "feed-mover", 2);
        var rule = await admin.CreateRuleAsync("group.displayName", "Feed movers", agent);
        var head = await HeadAsync(admin.Http);

        var moved = await admin.Http.PutAsJsonAsync($"role-rules/{rule.Id()}", new { match = "group.displayName", value = "Feed movers", roleId = lead });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var events = await admin.Http.ReadAllAsync(head);
        Assert.DoesNotContain(events, e => (string)e["type"]! == "employee.roles.changed");
        AssertGrants(Assert.Single(events, e => (string)e["type"]! == "role.grants.removed"), agent, "roleRule", rule.Id(), members);
        AssertGrants(Assert.Single(events, e => (string)e["type"]! == "role.grants.added"), lead, "roleRule", rule.Id(), members);
    }

    [Fact]
    public async Task A_mapped_group_renamed_away_and_a_rule_deleted_append_role_grants_removed_with_their_cause()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var agent = await admin.CreateRoleAsync("Agent", "employees.view");
        var scim = admin.Tenant.Scim;
        var renamed = await scim.CreateGroupAsync("Feed renamed");
        var renamedMembers = await AddMembersAsync(scim, renamed.Id(), "feed-renamed", 2);
        var kept = await scim.CreateGroupAsync("Feed kept");
        var keptMembers = await AddMembersAsync(scim, kept.Id(), "feed-kept", 2);
        await admin.CreateRuleAsync("group.displayName", "Feed renamed", agent);
        var byId = await admin.CreateRuleAsync("group.id", kept.Id(), agent);
        var head = await HeadAsync(admin.Http);

        Assert.True((await scim.RenameGroupAsync(renamed.Id(), "Feed elsewhere")).IsSuccessStatusCode);
        var afterRename = await HeadAsync(admin.Http);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteNoBodyAsync($"role-rules/{byId.Id()}")).StatusCode);

        var events = await admin.Http.ReadAllAsync(head);
        Assert.DoesNotContain(events, e => (string)e["type"]! == "employee.roles.changed");
        var removed = events.Where(e => (string)e["type"]! == "role.grants.removed").ToList();
        Assert.Equal(2, removed.Count);
        Assert.True((long)removed[0]["sequence"]! <= afterRename && (long)removed[1]["sequence"]! > afterRename);
        AssertGrants(removed[0], agent, "group", renamed.Id(), renamedMembers);
        AssertGrants(removed[1], agent, "roleRule", byId.Id(), keptMembers);
    }

    [Fact]
    public async Task A_manual_grant_and_its_revocation_append_employee_roles_changed()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var role = await admin.CreateRoleAsync("Feed auditors", "audit.view");
        var employee = await server.AddEmployeeAsync(admin.Tenant);
        Assert.True((await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = false, userNameMustBePrimaryEmail = false, namesNotUpdatable = false })).IsSuccessStatusCode);
        var head = await HeadAsync(admin.Http);

        var granted = await admin.Http.PutNoBodyAsync($"employees/{employee.EmployeeId}/role-grants/{role}");
        Assert.True(granted.IsSuccessStatusCode, await granted.Content.ReadAsStringAsync());
        var revoked = await admin.Http.DeleteNoBodyAsync($"employees/{employee.EmployeeId}/role-grants/{role}");
        Assert.True(revoked.IsSuccessStatusCode, await revoked.Content.ReadAsStringAsync());

        var roles = (await admin.Http.ReadAllAsync(head)).Where(e => (string)e["type"]! == "employee.roles.changed").ToList();
        Assert.Equal(["gained", "lost"], roles.Select(e => (string)e["data"]!["grant"]!["change"]!));
        Assert.All(roles, e =>
        {
            Assert.Equal(employee.EmployeeId.ToString(), (string)e["resource"]!["id"]!);
            Assert.Equal(role, (string)e["data"]!["grant"]!["roleId"]!);
            Assert.Equal("manual", (string)e["data"]!["grant"]!["cause"]!["type"]!);
        });
    }

    private static void AssertGrants(JsonObject e, string role, string causeType, string causeId, List<string> people)
    {
        Assert.Equal("Role", (string)e["resource"]!["type"]!);
        Assert.Equal(role, (string)e["resource"]!["id"]!);
        Assert.Equal(causeType, (string)e["data"]!["cause"]!["type"]!);
        Assert.Equal(causeId, (string)e["data"]!["cause"]!["id"]!);
        Assert.Equal(people.Order(StringComparer.Ordinal), e["data"]!["userIds"]!.AsArray().Select(u => (string)u!).Order(StringComparer.Ordinal));
        Assert.Equal(1, (int)e["data"]!["part"]!);
        Assert.Equal(1, (int)e["data"]!["parts"]!);
    }

    private static async Task<List<string>> AddMembersAsync(HttpClient scim, string groupId, string prefix, int count)
    {
        var members = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var user = await scim.CreateUserAsync($"{prefix}-{i}@example.com");
            Assert.Equal(HttpStatusCode.NoContent, (await scim.AddMemberAsync(groupId, user.Id())).StatusCode);
            members.Add(user.Id());
        }

        return members;
    }

    private static async Task<long> HeadAsync(HttpClient admin) =>
        long.Parse((string)(await admin.ReadFeedAsync(0, "&limit=1"))["head"]!, System.Globalization.CultureInfo.InvariantCulture);
}
