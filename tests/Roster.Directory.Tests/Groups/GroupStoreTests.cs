using System.Net;
using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;
using Roster.Scim.Errors;

namespace Roster.Directory.Tests.Groups;

public sealed class GroupStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Create_with_members_returns_them_with_display_and_type()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await CreateUserAsync(directory, "bjensen", "Babs Jensen");
        var plain = await CreateUserAsync(directory, "plain");
        var nested = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Nested").Build(), None)).Ok();

        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").WithMembers(babs, plain, nested.Id).Build(), None)).Ok();

        var members = Members(group.Document);
        Assert.Equal(3, members.Count);
        Assert.Contains(members, m => (string?)m["value"] == babs && (string?)m["display"] == "Babs Jensen" && (string?)m["type"] == "User");
        Assert.Contains(members, m => (string?)m["value"] == plain && (string?)m["display"] == "plain");
        Assert.Contains(members, m => (string?)m["value"] == nested.Id && (string?)m["display"] == "Nested" && (string?)m["type"] == "Group");
        Assert.All(members, m => Assert.Null(m["$ref"]));
        Assert.True(JsonNode.DeepEquals(group.Document, (await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok().Document));
    }

    [Fact]
    public async Task Display_follows_the_members_current_name()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await CreateUserAsync(directory, "bjensen", "Babs");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").WithMembers(babs).Build(), None)).Ok();

        (await directory.Users.PatchAsync(directory.Caller, babs, Requests.Patch("""[{"op":"replace","path":"displayName","value":"Barbara"}]"""), null, true, None)).Ok();

        var read = (await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok();
        Assert.Equal("Barbara", (string?)Members(read.Document)[0]["display"]);
        Assert.DoesNotContain("Babs", read.Document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Groups_with_the_same_displayName_may_coexist()
    {
        await using var directory = await TestDirectory.CreateAsync();

        (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").Build(), None)).Ok();
        (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("admins").Build(), None)).Ok();

        Assert.Equal(2, (await directory.Groups.ListAsync(directory.Caller, Requests.Query("displayName eq \"ADMINS\""), None)).Ok().TotalResults);
    }

    [Fact]
    public async Task Adding_a_present_member_and_removing_an_absent_one_change_nothing_but_the_version()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await CreateUserAsync(directory, "bjensen");
        var other = await CreateUserAsync(directory, "other");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").WithMembers(babs).Build(), None)).Ok();

        var added = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(babs), 1, true, None)).Ok();
        var removed = (await directory.Groups.PatchAsync(directory.Caller, group.Id,
            Requests.Patch($$"""[{"op":"remove","path":"members[value eq \"{{other}}\"]"}]"""), 2, true, None)).Ok();

        Assert.Equal([babs], Members(added.Document).Select(m => (string)m["value"]!));
        Assert.Equal([babs], Members(removed.Document).Select(m => (string)m["value"]!));
        Assert.Equal(3, removed.Version);
    }

    [Fact]
    public async Task Adding_an_unknown_member_is_400_naming_it_and_changes_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await CreateUserAsync(directory, "bjensen");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").Build(), None)).Ok();
        var unknown = Guid.NewGuid().ToString();

        var error = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(babs, unknown), null, true, None)).Failed();
        var notAnId = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers("nope"), null, true, None)).Failed();

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Contains(unknown, error.Detail, StringComparison.Ordinal);
        Assert.Contains("\"nope\"", notAnId.Detail, StringComparison.Ordinal);
        var read = (await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok();
        Assert.Empty(Members(read.Document));
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task A_group_cannot_be_its_own_member()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").Build(), None)).Ok();

        var error = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(group.Id), null, true, None)).Failed();

        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
    }

    [Fact]
    public async Task Members_can_be_removed_by_filter_replaced_and_cleared()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = await CreateUserAsync(directory, "a");
        var b = await CreateUserAsync(directory, "b");
        var nested = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Nested").Build(), None)).Ok().Id;
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").WithMembers(a, nested).Build(), None)).Ok();

        var withoutGroups = (await directory.Groups.PatchAsync(directory.Caller, group.Id,
            Requests.Patch("""[{"op":"remove","path":"members[type eq \"Group\"]"}]"""), null, true, None)).Ok();
        var replaced = (await directory.Groups.PatchAsync(directory.Caller, group.Id,
            Requests.Patch($$"""[{"op":"replace","path":"members","value":[{"value":"{{b}}"},{"value":"{{nested}}"}]}]"""), null, true, None)).Ok();
        var cleared = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.Patch("""[{"op":"remove","path":"members"}]"""), null, true, None)).Ok();

        Assert.Equal([a], Members(withoutGroups.Document).Select(m => (string)m["value"]!));
        Assert.Equal(new[] { b, nested }.Order(), Members(replaced.Document).Select(m => (string)m["value"]!).Order());
        Assert.Empty(Members(cleared.Document));
    }

    [Fact]
    public async Task Entra_ID_style_patch_renames_and_changes_members_in_one_request()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = await CreateUserAsync(directory, "a");
        var b = await CreateUserAsync(directory, "b");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Old").WithMembers(a).Build(), None)).Ok();

        var patched = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.Patch($$"""
            [{"op":"Replace","path":"displayName","value":"New"},
             {"op":"Add","path":"members","value":[{"value":"{{b}}"}]},
             {"op":"Remove","path":"members","value":[{"value":"{{a}}"}]}]
            """), 1, true, None)).Ok();

        Assert.Equal("New", patched.Text("displayName"));
        Assert.Equal([b], Members(patched.Document).Select(m => (string)m["value"]!));
        Assert.Equal(2, patched.Version);
        Assert.Equal(1, (await directory.Groups.ListAsync(directory.Caller, Requests.Query("displayName eq \"new\""), None)).Ok().TotalResults);
    }

    [Fact]
    public async Task A_stale_version_is_412_and_an_unknown_group_is_404_for_member_patches()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = await CreateUserAsync(directory, "a");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").Build(), None)).Ok();
        (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(a), 1, false, None)).Ok();

        var stale = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(a), 1, false, None)).Failed();
        var unknown = (await directory.Groups.PatchAsync(directory.Caller, Guid.NewGuid().ToString(), Requests.AddMembers(a), null, false, None)).Failed();

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.Status);
        Assert.Contains("W/\"2\"", stale.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task Concurrent_member_patches_lose_no_member()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Everyone").Build(), None)).Ok();
        var users = new List<string>();
        for (var i = 0; i < 400; i++)
        {
            users.Add(await CreateUserAsync(directory, $"user{i}"));
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(users[(worker * 50) + i]), null, false, None)).Ok();
            }
        })));

        var read = (await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok();
        Assert.Equal(400, Members(read.Document).Count);
        Assert.Equal(401, read.Version);
    }

    [Fact]
    public async Task Deleting_a_group_removes_its_members_and_its_place_in_other_groups()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = await CreateUserAsync(directory, "a");
        var inner = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Inner").WithMembers(a).Build(), None)).Ok();
        var outer = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Outer").WithMembers(inner.Id, a).Build(), None)).Ok();

        Assert.True((await directory.Groups.DeleteAsync(directory.Caller, inner.Id, 1, None)).Ok());

        Assert.Equal(HttpStatusCode.NotFound, (await directory.Groups.GetAsync(directory.Caller, inner.Id, true, None)).Failed().Status);
        var read = (await directory.Groups.GetAsync(directory.Caller, outer.Id, true, None)).Ok();
        Assert.Equal([a], Members(read.Document).Select(m => (string)m["value"]!));
        Assert.Equal(2, read.Version);
        var user = (await directory.Users.GetAsync(directory.Caller, a, true, None)).Ok();
        Assert.Equal([outer.Id], user.Document["groups"]!.AsArray().Select(g => (string)g!["value"]!));
    }

    [Fact]
    public async Task A_users_groups_come_from_memberships_and_deleting_the_user_removes_them()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = await CreateUserAsync(directory, "a");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").WithMembers(a).Build(), None)).Ok();

        var user = (await directory.Users.GetAsync(directory.Caller, a, true, None)).Ok();
        var groups = user.Document["groups"]!.AsArray();
        Assert.Equal(group.Id, (string?)groups[0]!["value"]);
        Assert.Equal("Admins", (string?)groups[0]!["display"]);
        Assert.Equal("direct", (string?)groups[0]!["type"]);
        Assert.Null((await directory.Users.GetAsync(directory.Caller, a, false, None)).Ok().Document["groups"]);

        (await directory.Users.DeleteAsync(directory.Caller, a, null, None)).Ok();

        var read = (await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok();
        Assert.Empty(Members(read.Document));
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task Replace_sets_exactly_the_members_of_the_body()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = await CreateUserAsync(directory, "a");
        var b = await CreateUserAsync(directory, "b");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").WithMembers(a).Build(), None)).Ok();

        var replaced = (await directory.Groups.ReplaceAsync(directory.Caller, group.Id, new GroupBuilder("Admins 2").WithMembers(b).Build(), 1, None)).Ok();
        var emptied = (await directory.Groups.ReplaceAsync(directory.Caller, group.Id, new GroupBuilder("Admins 3").Build(), 2, None)).Ok();

        Assert.Equal([b], Members(replaced.Document).Select(m => (string)m["value"]!));
        Assert.Equal("Admins 2", replaced.Text("displayName"));
        Assert.Empty(Members(emptied.Document));
    }

    [Fact]
    public async Task Reading_without_members_reads_no_member_row()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = await CreateUserAsync(directory, "a");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").WithMembers(a).Build(), None)).Ok();
        using var log = new SqlLog(directory.Caller.TenantId);

        var read = (await directory.Groups.GetAsync(directory.Caller, group.Id, false, None)).Ok();
        var page = (await directory.Groups.ListAsync(directory.Caller, Requests.Query(includeMembers: false), None)).Ok();

        Assert.Null(read.Document["members"]);
        Assert.Null(page.Resources[0].Document["members"]);
        Assert.DoesNotContain(log.Statements, s => s.Contains("group_members", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_of_groups_counts_its_members_and_loads_them_in_one_command()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = await CreateUserAsync(directory, "a");
        for (var i = 0; i < 10; i++)
        {
            (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder($"Group {i}").WithMembers(a).Build(), None)).Ok();
        }

        using var log = new SqlLog(directory.Caller.TenantId);
        var page = (await directory.Groups.ListAsync(directory.Caller, Requests.Query(), None)).Ok();

        Assert.All(page.Resources, g => Assert.Single(Members(g.Document)));

        // A count that stops one past the page's limit, and the members themselves if it allows them, in one command.
        var members = Assert.Single(log.Statements, s => s.Contains("FROM group_members", StringComparison.Ordinal));
        Assert.Contains("SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM group_members", members, StringComparison.Ordinal);
        Assert.Contains("SELECT m.group_id, m.member_id", members, StringComparison.Ordinal);
    }

    internal static async Task<string> CreateUserAsync(TestDirectory directory, string userName, string? displayName = null)
    {
        var builder = new UserBuilder(userName);
        if (displayName is not null)
        {
            builder.WithDisplayName(displayName);
        }

        return (await directory.Users.CreateAsync(directory.Caller, builder.Build(), None)).Ok().Id;
    }

    internal static List<JsonObject> Members(JsonObject group) =>
        group["members"] is JsonArray members ? [.. members.Select(m => m!.AsObject())] : [];

    internal static List<string> MemberIds(Roster.Directory.Resources.StoredResource group) =>
        [.. Members(group.Document).Select(m => (string)m["value"]!)];
}
