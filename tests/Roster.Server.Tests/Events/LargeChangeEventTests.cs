using System.Globalization;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.RoleRules;

namespace Roster.Server.Tests.Events;

/// <summary>
/// One change that moves more people than one command of events carries (the audit trail writes
/// them 200 to a command, in the change's transaction): a role rule reaching a group of 450, then
/// the group emptied by one PATCH. Each change's events are all in the feed, one per person, with
/// consecutive sequences and nothing of another change between them.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class LargeChangeEventTests(RosterServerFixture server)
{
    /// <summary>More than two commands' worth (200 each), and not a multiple of 200.</summary>
    private const int People = 450;

    private const int Creators = 8;

    [Fact]
    public async Task A_rule_reaching_450_people_and_their_removal_each_append_every_event_in_order()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var scim = admin.Tenant.Scim;
        var role = await admin.CreateRoleAsync("Large change", "audit.view");
        var people = await CreateUsersAsync(scim);
        var group = (await scim.CreateGroupAsync("Large change")).Id();
        using (var added = await scim.PatchAsync($"Groups/{group}", Crashes.LargeGroups.AddAll(people)))
        {
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        var head = await HeadAsync(admin.Http);
        var rule = (await admin.CreateRuleAsync("group.displayName", "Large change", role)).Id();
        var afterRule = await HeadAsync(admin.Http);
        using (var emptied = await scim.PatchAsync($"Groups/{group}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"members","value":[]}]}"""))
        {
            Assert.True(emptied.IsSuccessStatusCode, await emptied.Content.ReadAsStringAsync());
        }

        // Read as a consumer does, 50 to a page: every sequence once, none skipped.
        var reader = new FeedReader(head);
        while (await reader.ReadAsync(admin.Http) > 0)
        {
        }

        Assert.Empty(reader.Gaps);
        var events = await admin.Http.ReadAllAsync(head);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(n => head + n), events.Select(e => (long)e["sequence"]!));

        // The rule's change: exactly one gained per person, and nothing else, head+1 .. head+450.
        var gained = events.Where(e => (long)e["sequence"]! <= afterRule).ToList();
        Assert.Equal(People, gained.Count);
        Assert.All(gained, e =>
        {
            Assert.Equal("employee.roles.changed", (string)e["type"]!);
            Assert.Equal("gained", (string)e["data"]!["grant"]!["change"]!);
            Assert.Equal(rule, (string)e["data"]!["grant"]!["cause"]!["id"]!);
        });
        Assert.Equal(people.Order(StringComparer.Ordinal), gained.Select(ResourceId).Order(StringComparer.Ordinal));
        Assert.Single(gained.Select(e => (string)e["timestamp"]!).Distinct(StringComparer.Ordinal));

        // The removal's change: the membership event(s) and one lost per person, all after the rule's.
        var removal = events.Where(e => (long)e["sequence"]! > afterRule).ToList();
        var lost = removal.Where(e => (string)e["type"]! == "employee.roles.changed").ToList();
        Assert.All(lost, e => Assert.Equal("lost", (string)e["data"]!["grant"]!["change"]!));
        Assert.Equal(people.Order(StringComparer.Ordinal), lost.Select(ResourceId).Order(StringComparer.Ordinal));
        Assert.All(removal.Except(lost), e => Assert.StartsWith("group.", (string)e["type"]!, StringComparison.Ordinal));
        Assert.Single(removal.Select(e => (string)e["timestamp"]!).Distinct(StringComparer.Ordinal));
    }

    private static string ResourceId(JsonObject e) => (string)e["resource"]!["id"]!;

    private static async Task<List<string>> CreateUsersAsync(HttpClient scim)
    {
        var ids = new string[People];
        var prefix = Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(Enumerable.Range(0, Creators).Select(async creator =>
        {
            for (var n = creator; n < People; n += Creators)
            {
                ids[n] = (await scim.CreateUserAsync($"large-{prefix}-{n}@example.com")).Id();
            }
        }));
        return [.. ids];
    }

    private static async Task<long> HeadAsync(HttpClient admin) =>
        long.Parse((string)(await admin.ReadFeedAsync(0, "&limit=1"))["head"]!, CultureInfo.InvariantCulture);
}
