using System.Net;
using System.Net.Http.Json;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.RoleRules;

namespace Roster.Server.Tests.Events;

/// <summary>
/// Roles that move through role rules and manual grants reach the feed as
/// <c>employee.roles.changed</c>, one event per person on that person's resource, in the
/// transaction of the change that moved them.
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
    public async Task A_new_rule_appends_employee_roles_changed_for_every_member_it_reaches()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var lead = await admin.CreateRoleAsync("Lead", "audit.view");
        var scim = admin.Tenant.Scim;
        var group = await scim.CreateGroupAsync("Feed leads");
        var members = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var user = await scim.CreateUserAsync($"feed-lead-{i}@example.com");
            Assert.Equal(HttpStatusCode.NoContent, (await scim.AddMemberAsync(group.Id(), user.Id())).StatusCode);
            members.Add(user.Id());
        }

        var head = await HeadAsync(admin.Http);
        var rule = await admin.CreateRuleAsync("group.displayName", "Feed leads", lead);

        var roles = (await admin.Http.ReadAllAsync(head)).Where(e => (string)e["type"]! == "employee.roles.changed").ToList();
        Assert.Equal(members.Order(StringComparer.Ordinal), roles.Select(e => (string)e["resource"]!["id"]!).Order(StringComparer.Ordinal));
        Assert.All(roles, e =>
        {
            Assert.Equal("gained", (string)e["data"]!["grant"]!["change"]!);
            Assert.Equal("roleRule", (string)e["data"]!["grant"]!["cause"]!["type"]!);
            Assert.Equal(rule.Id(), (string)e["data"]!["grant"]!["cause"]!["id"]!);
        });
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

    private static async Task<long> HeadAsync(HttpClient admin) =>
        long.Parse((string)(await admin.ReadFeedAsync(0, "&limit=1"))["head"]!, System.Globalization.CultureInfo.InvariantCulture);
}
