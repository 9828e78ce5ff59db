using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Groups;

/// <summary>
/// How many commands (round trips, where the database is another process) a member change and a
/// read of a user's groups send: a member change bumps the group's version, reads the groups above
/// it and the rules reaching it, and adds or removes its first members in one command
/// (<see cref="Roster.Directory.Groups.LeadingMemberChange"/>), and a user's groups are counted and
/// read in one. Where the database is another process the commit rides in the last command, with
/// the audit row.
/// </summary>
public sealed class MemberChangeRoundTripTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_member_add_is_two_commands_and_the_commit()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await GroupStoreTests.CreateUserAsync(directory, "bjensen");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").Build(), None)).Ok();
        using var log = new SqlLog(directory.Caller.TenantId);

        var added = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(babs), 1, false, None)).Ok();

        // The version with the groups above, the rules reaching them and the row; the audit and events.
        var statements = Commands(log);
        Assert.Equal(2, statements.Count);
        Assert.Contains("UPDATE groups", statements[0], StringComparison.Ordinal);
        Assert.Contains("FROM role_rules", statements[0], StringComparison.Ordinal);
        Assert.Contains("INSERT INTO group_members", statements[0], StringComparison.Ordinal);
        // On PostgreSQL the COMMIT goes in the last one, with the audit (SqlSession.ExecuteLastAsync).
        Assert.Equal(TestStorage.IsPostgres, statements[1].EndsWith("; COMMIT", StringComparison.Ordinal));
        Assert.Equal(2, added.Version);
        Assert.Equal([babs], GroupStoreTests.MemberIds((await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok()));
    }

    [Fact]
    public async Task A_member_remove_is_two_commands_and_the_commit()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await GroupStoreTests.CreateUserAsync(directory, "bjensen");
        var other = await GroupStoreTests.CreateUserAsync(directory, "other");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").WithMembers(babs, other).Build(), None)).Ok();
        using var log = new SqlLog(directory.Caller.TenantId);

        (await directory.Groups.PatchAsync(directory.Caller, group.Id,
            Requests.Patch($$"""[{"op":"remove","path":"members[value eq \"{{babs}}\"]"}]"""), null, false, None)).Ok();

        var statements = Commands(log);
        Assert.Equal(2, statements.Count);
        Assert.Contains("DELETE FROM group_members", statements[0], StringComparison.Ordinal);
        Assert.Equal(TestStorage.IsPostgres, statements[1].EndsWith("; COMMIT", StringComparison.Ordinal));
        Assert.Equal([other], GroupStoreTests.MemberIds((await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok()));
    }

    [Fact]
    public async Task A_version_mismatch_writes_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await GroupStoreTests.CreateUserAsync(directory, "bjensen");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").Build(), None)).Ok();

        var error = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(babs), 7, false, None)).Failed();

        Assert.Equal(System.Net.HttpStatusCode.PreconditionFailed, error.Status);
        var read = (await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok();
        Assert.Equal(1, read.Version);
        Assert.Empty(GroupStoreTests.MemberIds(read));
    }

    [Fact]
    public async Task A_users_groups_are_counted_and_read_in_one_command()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await GroupStoreTests.CreateUserAsync(directory, "bjensen");
        var inner = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Inner").WithMembers(babs).Build(), None)).Ok();
        (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Outer").WithMembers(inner.Id).Build(), None)).Ok();
        using var log = new SqlLog(directory.Caller.TenantId);

        var user = (await directory.Users.GetAsync(directory.Caller, babs, true, None)).Ok();

        // The user, then its groups with their count.
        Assert.Equal(2, Commands(log).Count);
        var groups = user.Document["groups"]!.AsArray().Select(g => ((string)g!["display"]!, (string)g["type"]!)).Order().ToList();
        Assert.Equal([("Inner", "direct"), ("Outer", "indirect")], groups);
    }

    // The SCIM switch's settings are cached for a few seconds: read or not depending on the clock.
    private static List<string> Commands(SqlLog log) =>
        [.. log.Statements.Where(s => !s.Contains("SELECT enabled", StringComparison.Ordinal))];
}
