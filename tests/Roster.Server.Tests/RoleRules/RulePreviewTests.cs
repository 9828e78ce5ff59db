using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.RoleRules;

/// <summary>
/// The preview of a rule change says exactly what saving does: for a new rule, a changed one and
/// a deleted one, who would gain and lose each role equals who did, and the preview itself
/// changes nothing.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class RulePreviewTests(RosterServerFixture server)
{
    [Fact]
    public async Task The_preview_of_a_new_changed_and_deleted_rule_matches_what_saving_does()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var agent = await admin.CreateRoleAsync("Agent", "employees.view");
        var supervisor = await admin.CreateRoleAsync("Supervisor", "audit.view");
        var scim = admin.Tenant.Scim;
        var group = await scim.CreateGroupAsync("Support");
        var members = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            members.Add(await scim.CreateUserAsync($"support{i}@example.com"));
            await scim.AddMemberAsync(group.Id(), members[^1].Id());
        }

        var outsider = await scim.CreateUserAsync("outsider@example.com");
        var everyone = members.Append(outsider).ToList();

        var creating = await PreviewAsync(admin, new { match = "group.displayName", value = "Support", roleId = agent });
        foreach (var user in everyone)
        {
            Assert.Empty(await admin.HeldAsync(user.Id()));
        }

        var created = await admin.CreateRuleAsync("group.displayName", "Support", agent);
        await AssertMatchesAsync(admin, creating, before: new(), everyone);

        var changing = await PreviewAsync(admin, new { ruleId = created.Id(), match = "group.displayName", value = "Support", roleId = supervisor });
        var snapshot = await HoldingsAsync(admin, everyone);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync($"role-rules/{created.Id()}", new { match = "group.displayName", value = "Support", roleId = supervisor })).StatusCode);
        await AssertMatchesAsync(admin, changing, snapshot, everyone);

        var deleting = await PreviewAsync(admin, new { ruleId = created.Id(), delete = true });
        snapshot = await HoldingsAsync(admin, everyone);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteNoBodyAsync($"role-rules/{created.Id()}")).StatusCode);
        await AssertMatchesAsync(admin, deleting, snapshot, everyone);

        Assert.Equal(3, (int)creating["roles"]!.AsArray().Single()!["gainedCount"]!);
        Assert.Equal(["support0@example.com", "support1@example.com", "support2@example.com"],
            creating["roles"]![0]!["gained"]!.AsArray().Select(p => (string)p!["userName"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_preview_needs_the_permissions_saving_needs_and_refuses_what_saving_refuses()
    {
        var admin = await server.CreateAdminAsync(RoleRuleHttp.Everything);
        var everything = await admin.CreateRoleAsync("Everything", RoleRuleHttp.Everything);
        var roleManager = await server.AddEmployeeAsync(admin.Tenant, "roles.manage");

        var refused = await roleManager.Http.PostAsJsonAsync("role-rules/preview", new { match = "group.displayName", value = "Admins", roleId = everything });
        var bad = await admin.Http.PostAsJsonAsync("role-rules/preview", new { match = "group.name", value = "Admins", roleId = everything });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Empty(JsonNode.Parse(await admin.Http.GetStringAsync("role-rules"))!.AsArray());
    }

    private static async Task<JsonObject> PreviewAsync(AdminSession admin, object body)
    {
        var response = await admin.Http.PostAsJsonAsync("role-rules/preview", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadObjectAsync();
    }

    private static async Task<Dictionary<string, HashSet<string>>> HoldingsAsync(AdminSession admin, IEnumerable<JsonObject> users)
    {
        var holdings = new Dictionary<string, HashSet<string>>();
        foreach (var user in users)
        {
            holdings[(string)user["userName"]!] = [.. await admin.HeldAsync(user.Id())];
        }

        return holdings;
    }

    /// <summary>Per role, who gained and who lost it between <paramref name="before"/> and now must be what the preview listed.</summary>
    private static async Task AssertMatchesAsync(AdminSession admin, JsonObject preview, Dictionary<string, HashSet<string>> before, IEnumerable<JsonObject> users)
    {
        var after = await HoldingsAsync(admin, users);
        foreach (var role in preview["roles"]!.AsArray())
        {
            var name = (string)role!["roleName"]!;
            var gained = after.Where(u => u.Value.Contains(name) && !(before.GetValueOrDefault(u.Key)?.Contains(name) ?? false)).Select(u => u.Key).Order(StringComparer.Ordinal);
            var lost = after.Where(u => !u.Value.Contains(name) && (before.GetValueOrDefault(u.Key)?.Contains(name) ?? false)).Select(u => u.Key).Order(StringComparer.Ordinal);
            Assert.Equal(gained, role["gained"]!.AsArray().Select(p => (string)p!["userName"]!).Order(StringComparer.Ordinal));
            Assert.Equal(lost, role["lost"]!.AsArray().Select(p => (string)p!["userName"]!).Order(StringComparer.Ordinal));
        }

        var moved = after.SelectMany(u =>
        {
            var changed = new HashSet<string>(u.Value);
            changed.SymmetricExceptWith(before.GetValueOrDefault(u.Key) ?? []);
            return changed;
        }).Distinct();
        Assert.Equal(moved.Order(StringComparer.Ordinal), preview["roles"]!.AsArray().Select(r => (string)r!["roleName"]!).Order(StringComparer.Ordinal));
    }
}
