using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.RoleRules;

/// <summary>
/// Group rules over real HTTP: an IdP group (by display name, externalId or id) gives a role to
/// its members, nested groups count through their parents, and every change that moves a role
/// (membership, nesting, rename, delete, the rule itself) moves it at once, with the reason shown.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class GroupRuleTests(RosterServerFixture server)
{
    [Fact]
    public async Task A_user_added_to_a_mapped_group_holds_the_role_at_once_and_loses_it_when_removed()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var agent = await admin.CreateRoleAsync("Agent", "employees.view");
        var rule = await admin.CreateRuleAsync("group.displayName", "support-tier2", agent);
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("pat@example.com");
        var group = await scim.CreateGroupAsync("Support-Tier2");

        Assert.Equal(HttpStatusCode.NoContent, (await scim.AddMemberAsync(group.Id(), user.Id())).StatusCode);

        var sources = await admin.SourcesAsync(user.Id(), "Agent");
        var source = Assert.Single(sources)!;
        Assert.Equal("group", (string?)source["source"]);
        Assert.Equal(rule.Id(), (string?)source["rule"]!["id"]);
        Assert.Equal(["Support-Tier2"], source["groupPath"]!.AsArray().Select(g => (string)g!["displayName"]!));
        var profile = await (await admin.Http.GetAsync($"employees/{user.Id()}")).ReadObjectAsync();
        Assert.Contains("Agent", profile["effectiveRoles"]!.AsArray().Select(r => (string)r!));

        Assert.Equal(HttpStatusCode.NoContent, (await scim.RemoveMemberAsync(group.Id(), user.Id())).StatusCode);
        Assert.DoesNotContain("Agent", await admin.HeldAsync(user.Id()));
        var audit = await (await admin.Http.GetAsync($"audit-events?action=role.grants.change&resourceId={agent}")).ReadObjectAsync();
        Assert.Equal(2, audit["events"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_rule_changed_to_another_group_and_role_at_once_moves_lands_and_takes_each_grant_once()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var agent = await admin.CreateRoleAsync("Agent", "employees.view");
        var lead = await admin.CreateRoleAsync("Lead", "audit.view");
        var scim = admin.Tenant.Scim;
        var tier1 = await scim.CreateGroupAsync("Tier1");
        var tier2 = await scim.CreateGroupAsync("Tier2");
        var onlyTier1 = await scim.CreateUserAsync("only-tier1@example.com");
        var both = await scim.CreateUserAsync("both-tiers@example.com");
        var onlyTier2 = await scim.CreateUserAsync("only-tier2@example.com");
        await scim.AddMemberAsync(tier1.Id(), onlyTier1.Id());
        await scim.AddMemberAsync(tier1.Id(), both.Id());
        await scim.AddMemberAsync(tier2.Id(), both.Id());
        await scim.AddMemberAsync(tier2.Id(), onlyTier2.Id());
        var rule = await admin.CreateRuleAsync("group.displayName", "Tier1", agent);

        var changed = await admin.Http.PutAsJsonAsync($"role-rules/{rule.Id()}", new { match = "group.displayName", value = "Tier2", roleId = lead });

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Empty(await admin.HeldAsync(onlyTier1.Id()));
        Assert.Equal(["Lead"], await admin.HeldAsync(both.Id()));
        Assert.Equal(["Lead"], await admin.HeldAsync(onlyTier2.Id()));

        // One audit entry per role: Agent lost by the two it reached, Lead gained by the two it reaches now.
        var agentAudit = await (await admin.Http.GetAsync($"audit-events?action=role.grants.change&resourceId={agent}")).ReadObjectAsync();
        var lost = agentAudit["events"]!.AsArray()[0]!["changes"]!["lost"]!;
        Assert.Equal(2, (int)lost["count"]!);
        var leadAudit = await (await admin.Http.GetAsync($"audit-events?action=role.grants.change&resourceId={lead}")).ReadObjectAsync();
        var gained = leadAudit["events"]!.AsArray()[0]!["changes"]!["gained"]!;
        Assert.Equal(2, (int)gained["count"]!);
        Assert.Equal(new[] { both.Id(), onlyTier2.Id() }.Order(StringComparer.Ordinal), gained["userIds"]!.AsArray().Select(u => (string)u!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Nested_groups_count_through_their_parents_and_the_explanation_shows_the_path()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var lead = await admin.CreateRoleAsync("Lead", "audit.view");
        await admin.CreateRuleAsync("group.displayName", "Leads", lead);
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("nested@example.com");
        var parent = await scim.CreateGroupAsync("Leads");
        var child = await scim.CreateGroupAsync("Team Leads EMEA");
        var grandchild = await scim.CreateGroupAsync("Team Leads Paris");
        await scim.AddMemberAsync(grandchild.Id(), user.Id());
        await scim.AddMemberAsync(child.Id(), grandchild.Id());
        Assert.DoesNotContain("Lead", await admin.HeldAsync(user.Id()));

        // Nesting the child in the mapped parent reaches the user two levels down.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.AddMemberAsync(parent.Id(), child.Id())).StatusCode);

        var path = (await admin.SourcesAsync(user.Id(), "Lead")).Single()!["groupPath"]!.AsArray().Select(g => (string)g!["displayName"]!);
        Assert.Equal(["Team Leads Paris", "Team Leads EMEA", "Leads"], path);
        Assert.Equal(HttpStatusCode.NoContent, (await scim.RemoveMemberAsync(parent.Id(), child.Id())).StatusCode);
        Assert.DoesNotContain("Lead", await admin.HeldAsync(user.Id()));

        // A cycle of groups ends the walk instead of looping.
        await scim.AddMemberAsync(parent.Id(), child.Id());
        await scim.AddMemberAsync(grandchild.Id(), parent.Id());
        Assert.Contains("Lead", await admin.HeldAsync(user.Id()));
    }

    [Fact]
    public async Task A_user_removed_from_a_mapped_group_keeps_the_role_while_a_nested_group_still_brings_them_in()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var lead = await admin.CreateRoleAsync("Lead", "audit.view");
        await admin.CreateRuleAsync("group.displayName", "Leads", lead);
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("twice@example.com");
        var parent = await scim.CreateGroupAsync("Leads");
        var child = await scim.CreateGroupAsync("Team Leads");
        await scim.AddMemberAsync(child.Id(), user.Id());
        await scim.AddMemberAsync(parent.Id(), child.Id());
        await scim.AddMemberAsync(parent.Id(), user.Id());
        Assert.Contains("Lead", await admin.HeldAsync(user.Id()));

        // Out of the mapped group itself, the user is still in it through the nested group.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.RemoveMemberAsync(parent.Id(), user.Id())).StatusCode);
        Assert.Contains("Lead", await admin.HeldAsync(user.Id()));

        // Out of the nested group too, nothing brings the role any more.
        Assert.Equal(HttpStatusCode.NoContent, (await scim.RemoveMemberAsync(child.Id(), user.Id())).StatusCode);
        Assert.DoesNotContain("Lead", await admin.HeldAsync(user.Id()));
    }

    [Fact]
    public async Task Renaming_a_group_moves_display_name_rules_but_not_external_id_rules_and_deleting_it_takes_both()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var byName = await admin.CreateRoleAsync("By name", "audit.view");
        var byExternalId = await admin.CreateRoleAsync("By external id", "employees.view");
        await admin.CreateRuleAsync("group.displayName", "Old name", byName);
        await admin.CreateRuleAsync("group.externalId", "entra-object-1", byExternalId);
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("renamed@example.com");
        var group = await (await scim.PostAsync("Groups", ScimHttp.Json(
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Old name","externalId":"entra-object-1","members":[{"value":"{{user.Id()}}"}]}"""))).ReadObjectAsync();
        Assert.Equal(["By external id", "By name"], (await admin.HeldAsync(user.Id())).Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.NoContent, (await scim.RenameGroupAsync(group.Id(), "New name")).StatusCode);
        Assert.Equal(["By external id"], await admin.HeldAsync(user.Id()));

        // Renamed back, with PUT this time.
        var put = await scim.PutAsync($"Groups/{group.Id()}", ScimHttp.Json(
            $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"OLD NAME","externalId":"entra-object-1","members":[{"value":"{{user.Id()}}"}]}"""));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains("By name", await admin.HeldAsync(user.Id()));

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"Groups/{group.Id()}")).StatusCode);
        Assert.Empty(await admin.HeldAsync(user.Id()));
    }

    [Fact]
    public async Task A_credential_cannot_give_through_a_group_a_role_it_could_not_give_and_nothing_is_stored()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var administrator = await admin.CreateRoleAsync("Everything", RoleRuleHttp.Everything);
        await admin.CreateRuleAsync("group.displayName", "Admins", administrator);
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("hopeful@example.com");
        var group = await scim.CreateGroupAsync("Admins");
        var provisioner = await server.AddEmployeeAsync(admin.Tenant, "employees.edit");
        var token = (string)(await (await admin.Http.PostAsJsonAsync("scim-tokens", new { name = "IdP", ownerId = provisioner.EmployeeId })).ReadObjectAsync())["token"]!;
        using var limited = server.CreateClient(token, $"scim/v2/{admin.OrgId}/");

        var refused = await limited.AddMemberAsync(group.Id(), user.Id());

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Everything", (string?)(await refused.ReadObjectAsync())["detail"], StringComparison.Ordinal);
        Assert.Null((await (await scim.GetAsync($"Groups/{group.Id()}")).ReadObjectAsync())["members"]);
        Assert.Empty(await admin.HeldAsync(user.Id()));
        Assert.Equal(HttpStatusCode.NoContent, (await scim.AddMemberAsync(group.Id(), user.Id())).StatusCode);
        Assert.Equal(["Everything"], await admin.HeldAsync(user.Id()));
    }

    [Fact]
    public async Task The_primary_role_is_the_highest_priority_rules_unless_the_person_s_roles_mark_one()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var agent = await admin.CreateRoleAsync("Agent", "employees.view");
        var supervisor = await admin.CreateRoleAsync("Supervisor", "audit.view");
        var coach = await admin.CreateRoleAsync("Coach");
        await admin.CreateRuleAsync("group.displayName", "Agents", agent, priority: 200);
        await admin.CreateRuleAsync("group.displayName", "Supervisors", supervisor, priority: 10);
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("primary@example.com");
        foreach (var name in new[] { "Agents", "Supervisors" })
        {
            await scim.AddMemberAsync((await scim.CreateGroupAsync(name)).Id(), user.Id());
        }

        var explained = (await admin.ExplainAsync(user.Id()))["roles"]!.AsArray();
        Assert.Equal("Supervisor", (string?)explained[0]!["name"]);
        Assert.True((bool)explained[0]!["primary"]!);
        var profile = await (await admin.Http.GetAsync($"employees/{user.Id()}")).ReadObjectAsync();
        Assert.Equal(supervisor, (string?)profile["primaryRoleId"]);

        var marked = await scim.PatchAsync($"Users/{user.Id()}",
            $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"roles","value":[{"value":"Coach","primary":true}]}]}""");
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal("Coach", (await admin.HeldAsync(user.Id()))[0]);
        Assert.Equal(coach, (string?)(await (await admin.Http.GetAsync($"employees/{user.Id()}")).ReadObjectAsync())["primaryRoleId"]);
    }

    [Fact]
    public async Task Deleting_a_group_rule_or_a_value_rule_leaves_no_grant_of_it_in_the_database()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var agent = await admin.CreateRoleAsync("Agent", "employees.view");
        var scim = admin.Tenant.Scim;
        var group = await scim.CreateGroupAsync("Deleted rule");
        foreach (var name in new[] { "deleted-rule-1", "deleted-rule-2" })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await scim.AddMemberAsync(group.Id(), (await scim.CreateUserAsync($"{name}@example.com")).Id())).StatusCode);
        }

        var byGroup = await admin.CreateRuleAsync("group.displayName", "Deleted rule", agent);
        var byValue = await admin.CreateRuleAsync("roles.value", "deleted-rule-agent", agent);
        await scim.CreateUserAsync("deleted-rule-3@example.com", "\"roles\":[{\"value\":\"Deleted-Rule-Agent\"}]");
        Assert.Equal(2, await GrantsOfRuleAsync(admin.OrgId, byGroup.Id()));
        Assert.Equal(1, await GrantsOfRuleAsync(admin.OrgId, byValue.Id()));

        // role_grants has no foreign key to role_rules: the deletion itself must take the grants.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteNoBodyAsync($"role-rules/{byGroup.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteNoBodyAsync($"role-rules/{byValue.Id()}")).StatusCode);

        Assert.Equal(0, await GrantsOfRuleAsync(admin.OrgId, byGroup.Id()));
        Assert.Equal(0, await GrantsOfRuleAsync(admin.OrgId, byValue.Id()));
    }

    /// <summary>The rows of <c>role_grants</c> that name <paramref name="ruleId"/>, counted in the database itself.</summary>
    private async Task<long> GrantsOfRuleAsync(Guid tenantId, string ruleId)
    {
        var database = server.Services.GetRequiredService<DirectoryDatabase>();
        await using var db = database.CreateContext(Guid.Empty);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM role_grants WHERE tenant_id = @tenant AND rule_id = @rule";
        foreach (var (name, value) in new[] { ("@tenant", tenantId), ("@rule", Guid.Parse(ruleId)) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = database.Dialect.Key(value);
            command.Parameters.Add(parameter);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
