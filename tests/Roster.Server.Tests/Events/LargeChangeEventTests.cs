using System.Globalization;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.RoleRules;

namespace Roster.Server.Tests.Events;

/// <summary>
/// One change that moves more people than one event carries (1,000): a role rule reaching a group
/// of 1,050, then the group emptied by one PATCH. Each change's events are all in the feed, the
/// people in <c>role.grants.*</c> events of at most 1,000 ids (part 1 and 2 of 2), every person
/// exactly once, with consecutive sequences and nothing of another change between them.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class LargeChangeEventTests(RosterServerFixture server)
{
    /// <summary>More than one event's worth (1,000 ids each), and not a multiple of it.</summary>
    private const int People = 1_050;

    private const int Creators = 8;

    [Fact]
    public async Task A_rule_reaching_1050_people_and_their_removal_each_append_every_person_once_in_two_parts_in_order()
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

        // The rule's change: two role.grants.added events and nothing else, naming each person once.
        var gained = events.Where(e => (long)e["sequence"]! <= afterRule).ToList();
        AssertParts(gained, "role.grants.added", role, rule, people);
        Assert.Single(gained.Select(e => (string)e["timestamp"]!).Distinct(StringComparer.Ordinal));

        // The removal's change: the membership events and two role.grants.removed, all after the rule's.
        var removal = events.Where(e => (long)e["sequence"]! > afterRule).ToList();
        var lost = removal.Where(e => (string)e["type"]! == "role.grants.removed").ToList();
        AssertParts(lost, "role.grants.removed", role, group, people);
        Assert.All(removal.Except(lost), e => Assert.StartsWith("group.", (string)e["type"]!, StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => (string)e["type"]! == "employee.roles.changed");
        Assert.Single(removal.Select(e => (string)e["timestamp"]!).Distinct(StringComparer.Ordinal));
    }

    private static void AssertParts(List<JsonObject> events, string type, string role, string causeId, List<string> people)
    {
        Assert.Equal(2, events.Count);
        Assert.All(events, e =>
        {
            Assert.Equal(type, (string)e["type"]!);
            Assert.Equal(role, ResourceId(e));
            Assert.Equal(causeId, (string)e["data"]!["cause"]!["id"]!);
            Assert.Equal(2, (int)e["data"]!["parts"]!);
        });
        Assert.Equal([1, 2], events.Select(e => (int)e["data"]!["part"]!));
        Assert.Equal([1_000, People - 1_000], events.Select(e => e["data"]!["userIds"]!.AsArray().Count));
        Assert.Equal(people.Order(StringComparer.Ordinal), events.SelectMany(e => e["data"]!["userIds"]!.AsArray().Select(u => (string)u!)).Order(StringComparer.Ordinal));
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
