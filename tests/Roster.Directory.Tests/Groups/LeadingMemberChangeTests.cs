using System.Net;
using Roster.Directory.Audit;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Groups;

/// <summary>
/// A PATCH's first membership change travels with the group's version bump
/// (<see cref="Roster.Directory.Groups.LeadingMemberChange"/>): users are inserted there, anything
/// else is left to the statements after it. What the PATCH stores and records is the same as when
/// every member had a statement of its own.
/// </summary>
public sealed class LeadingMemberChangeTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Users_and_a_group_added_together_are_recorded_in_the_order_named()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await GroupStoreTests.CreateUserAsync(directory, "bjensen");
        var jim = await GroupStoreTests.CreateUserAsync(directory, "jsmith");
        var inner = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Inner").Build(), None)).Ok();
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").Build(), None)).Ok();

        (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(babs, inner.Id, jim), null, false, None)).Ok();

        Assert.Equal([babs, inner.Id, jim], await LastAddedAsync(directory));
        var members = (await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok().Document["members"]!.AsArray();
        Assert.Equal(["Group", "User", "User"], members.Select(m => (string)m!["type"]!).Order());
    }

    [Fact]
    public async Task A_user_named_twice_or_already_a_member_is_added_once()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await GroupStoreTests.CreateUserAsync(directory, "bjensen");
        var jim = await GroupStoreTests.CreateUserAsync(directory, "jsmith");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").WithMembers(babs).Build(), None)).Ok();

        (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(jim, babs, jim), null, false, None)).Ok();

        Assert.Equal([jim], await LastAddedAsync(directory));
        Assert.Equal(new[] { babs, jim }.Order(), GroupStoreTests.MemberIds((await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok()).Order());
    }

    [Fact]
    public async Task An_unknown_member_beside_a_user_refuses_the_whole_change()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await GroupStoreTests.CreateUserAsync(directory, "bjensen");
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").Build(), None)).Ok();
        var unknown = Guid.NewGuid().ToString();

        var error = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(babs, unknown), null, false, None)).Failed();

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Contains(unknown, error.Detail, StringComparison.Ordinal);
        var read = (await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok();
        Assert.Empty(GroupStoreTests.MemberIds(read));
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task A_group_that_does_not_exist_is_404_and_gains_no_row()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await GroupStoreTests.CreateUserAsync(directory, "bjensen");
        var missing = Guid.NewGuid().ToString();

        var error = (await directory.Groups.PatchAsync(directory.Caller, missing, Requests.AddMembers(babs), null, false, None)).Failed();

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        var user = (await directory.Users.GetAsync(directory.Caller, babs, true, None)).Ok();
        Assert.Null(user.Document["groups"]);
    }

    [Fact]
    public async Task Members_removed_are_recorded_in_the_order_named_and_absent_ones_are_not()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var babs = await GroupStoreTests.CreateUserAsync(directory, "bjensen");
        var jim = await GroupStoreTests.CreateUserAsync(directory, "jsmith");
        var outsider = await GroupStoreTests.CreateUserAsync(directory, "outsider");
        var inner = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Inner").Build(), None)).Ok();
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Admins").WithMembers(babs, inner.Id, jim).Build(), None)).Ok();

        (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.Patch($$"""
            [{"op":"remove","path":"members","value":[{"value":"{{jim}}"},{"value":"{{outsider}}"},{"value":"{{inner.Id}}"},{"value":"not-an-id"}]}]
            """), null, false, None)).Ok();

        var events = (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { PageSize = 1 }, None)).Ok().Events;
        Assert.Equal(AuditActions.GroupMembersRemove, events[0].Action);
        Assert.Equal([jim, inner.Id], events[0].Changes["members"]!["removed"]!.AsArray().Select(m => (string)m!));
        Assert.Equal([babs], GroupStoreTests.MemberIds((await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok()));
    }

    private static async Task<List<string>> LastAddedAsync(TestDirectory directory)
    {
        var events = (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { PageSize = 1 }, None)).Ok().Events;
        Assert.Equal(AuditActions.GroupMembersAdd, events[0].Action);
        return [.. events[0].Changes["members"]!["added"]!.AsArray().Select(m => (string)m!)];
    }
}
