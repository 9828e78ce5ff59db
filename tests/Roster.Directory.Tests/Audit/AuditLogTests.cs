using System.Net;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Audit;

public sealed class AuditLogTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Each_successful_SCIM_write_writes_exactly_one_event_credited_to_the_caller()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var okta = directory.Caller with { CredentialId = Guid.NewGuid(), Client = "Okta" };
        var users = directory.Users;
        var groups = directory.Groups;

        var user = (await users.CreateAsync(okta, new UserBuilder("bjensen").Build(), None)).Ok();
        var other = (await users.CreateAsync(okta, new UserBuilder("other").Build(), None)).Ok();
        (await users.ReplaceAsync(okta, user.Id, new UserBuilder("bjensen").WithTitle("CEO").Build(), null, None)).Ok();
        (await users.PatchAsync(okta, user.Id, Requests.Patch("""[{"op":"replace","path":"title","value":"CTO"}]"""), null, false, None)).Ok();
        var group = (await groups.CreateAsync(okta, new GroupBuilder("Sales").Build(), None)).Ok();
        (await groups.PatchAsync(okta, group.Id, Requests.AddMembers(user.Id), null, false, None)).Ok();
        (await groups.PatchAsync(okta, group.Id, Requests.Patch($$"""[{"op":"remove","path":"members[value eq \"{{user.Id}}\"]"}]"""), null, false, None)).Ok();
        (await groups.PatchAsync(okta, group.Id, Requests.Patch("""[{"op":"replace","path":"displayName","value":"Sales EU"}]"""), null, false, None)).Ok();
        (await groups.ReplaceAsync(okta, group.Id, new GroupBuilder("Sales").Build(), null, None)).Ok();
        (await groups.DeleteAsync(okta, group.Id, null, None)).Ok();
        (await users.DeleteAsync(okta, other.Id, null, None)).Ok();

        var events = await AllAsync(directory);
        Assert.Equal(
            [
                AuditActions.UserCreate, AuditActions.UserCreate, AuditActions.UserUpdate, AuditActions.UserUpdate, AuditActions.GroupCreate,
                AuditActions.GroupMembersAdd, AuditActions.GroupMembersRemove, AuditActions.GroupUpdate, AuditActions.GroupUpdate,
                AuditActions.GroupDelete, AuditActions.UserDelete,
            ],
            events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal((okta.CredentialId, "Okta", (Guid?)null), (e.CredentialId, e.Client, e.ActorProfileId)));
        Assert.Equal(
            [user.Id, other.Id, user.Id, user.Id, group.Id, group.Id, group.Id, group.Id, group.Id, group.Id, other.Id],
            events.Select(e => e.ResourceId.ToString()));
    }

    [Fact]
    public async Task A_user_update_records_only_the_changed_attributes_before_and_after()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithTitle("CEO").WithDisplayName("Babs").WithPassword("s3cret!").Build(), None)).Ok();

        (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"title","value":"CTO"},{"op":"remove","path":"displayName"}]"""), null, false, None)).Ok();

        var events = await AllAsync(directory);
        Assert.Equal("""{"title":{"before":"CEO","after":"CTO"},"displayName":{"before":"Babs","after":null}}""", events[1].Changes.ToJsonString());
        Assert.Equal("bjensen", (string?)events[0].Changes["userName"]!["after"]);
        Assert.Null(events[0].Changes["password"]);
        Assert.Null(events[0].Changes["id"]);
    }

    [Fact]
    public async Task A_group_created_with_members_lists_their_ids_and_a_replace_counts_the_members_it_dropped()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("a").Build(), None)).Ok();
        var b = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("b").Build(), None)).Ok();
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Sales").WithMembers(a.Id).Build(), None)).Ok();

        (await directory.Groups.ReplaceAsync(directory.Caller, group.Id, new GroupBuilder("Sales").WithMembers(b.Id).Build(), null, None)).Ok();

        var events = await AllAsync(directory);
        Assert.Equal($$$"""{"schemas":{"before":null,"after":["urn:ietf:params:scim:schemas:core:2.0:Group"]},"displayName":{"before":null,"after":"Sales"},"members":{"added":["{{{a.Id}}}"]}}""",
            events[2].Changes.ToJsonString());
        Assert.Equal($$$"""{"members":{"removedAll":1,"added":["{{{b.Id}}}"]}}""", events[3].Changes.ToJsonString());
    }

    [Fact]
    public async Task A_member_patch_is_named_after_what_was_asked_and_lists_only_what_changed()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("a").Build(), None)).Ok();
        var b = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("b").Build(), None)).Ok();
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Sales").WithMembers(a.Id).Build(), None)).Ok();

        (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(a.Id), null, false, None)).Ok();
        (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.Patch(
            $$"""[{"op":"add","path":"members","value":[{"value":"{{b.Id}}"}]},{"op":"remove","path":"members[value eq \"{{a.Id}}\"]"}]"""), null, false, None)).Ok();

        var events = await AllAsync(directory);
        Assert.Equal(AuditActions.GroupMembersAdd, events[3].Action);
        Assert.Empty(events[3].Changes);
        Assert.Equal(AuditActions.GroupUpdate, events[4].Action);
        Assert.Equal($$$"""{"members":{"added":["{{{b.Id}}}"],"removed":["{{{a.Id}}}"]}}""", events[4].Changes.ToJsonString());
    }

    [Fact]
    public async Task Failed_writes_write_no_audit_event()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("other").Build(), None)).Ok();
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Sales").Build(), None)).Ok();
        var stale = 7L;

        var errors = new[]
        {
            (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("BJENSEN").Build(), None)).Failed(),
            (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"userName","value":"Other"}]"""), null, false, None)).Failed(),
            (await directory.Users.ReplaceAsync(directory.Caller, user.Id, new UserBuilder("bjensen").Build(), stale, None)).Failed(),
            (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"title","value":"X"}]"""), stale, false, None)).Failed(),
            (await directory.Users.DeleteAsync(directory.Caller, user.Id, stale, None)).Failed(),
            (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(Guid.NewGuid().ToString()), null, false, None)).Failed(),
            (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(user.Id), stale, false, None)).Failed(),
            (await directory.Groups.DeleteAsync(directory.Caller, Guid.NewGuid().ToString(), null, None)).Failed(),
        };

        Assert.Equal(
            [HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed,
                HttpStatusCode.BadRequest, HttpStatusCode.PreconditionFailed, HttpStatusCode.NotFound],
            errors.Select(e => e.Status));
        Assert.Equal(3, (await AllAsync(directory)).Count);
        Assert.Equal(1, (await directory.Groups.GetAsync(directory.Caller, group.Id, true, None)).Ok().Version);
    }

    [Fact]
    public async Task The_query_filters_by_action_resource_credential_and_time()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var entra = directory.Caller with { CredentialId = Guid.NewGuid(), Client = "Entra ID" };
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("a").Build(), None)).Ok();
        directory.Advance(TimeSpan.FromHours(1));
        var group = (await directory.Groups.CreateAsync(entra, new GroupBuilder("Sales").Build(), None)).Ok();
        directory.Advance(TimeSpan.FromHours(1));
        (await directory.Users.PatchAsync(entra, user.Id, Requests.Patch("""[{"op":"replace","path":"title","value":"X"}]"""), null, false, None)).Ok();
        var list = directory.Get<ListAuditEvents>();
        var tenant = directory.Caller.TenantId;

        async Task<IEnumerable<string>> Actions(AuditQuery query) => (await list.ExecuteAsync(tenant, query, None)).Ok().Events.Select(e => e.Action);

        Assert.Equal([AuditActions.UserUpdate], await Actions(new AuditQuery { Action = AuditActions.UserUpdate }));
        Assert.Equal([AuditActions.GroupCreate], await Actions(new AuditQuery { ResourceType = AuditResourceTypes.Group }));
        Assert.Equal([AuditActions.UserUpdate, AuditActions.UserCreate], await Actions(new AuditQuery { ResourceId = Guid.Parse(user.Id) }));
        Assert.Equal([AuditActions.GroupCreate], await Actions(new AuditQuery { ResourceId = Guid.Parse(group.Id) }));
        Assert.Equal([AuditActions.UserUpdate, AuditActions.GroupCreate], await Actions(new AuditQuery { CredentialId = entra.CredentialId }));
        Assert.Equal([AuditActions.GroupCreate], await Actions(new AuditQuery { From = TestDirectory.Start.AddHours(1), To = TestDirectory.Start.AddHours(2) }));
        Assert.Equal([AuditActions.UserUpdate], await Actions(new AuditQuery { From = TestDirectory.Start.AddHours(2) }));
        Assert.Empty(await Actions(new AuditQuery { Action = AuditActions.UserDelete }));
    }

    [Fact]
    public async Task Pages_are_newest_first_and_the_cursor_neither_repeats_nor_skips_events_written_meanwhile()
    {
        await using var directory = await TestDirectory.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("u" + i).Build(), None)).Ok();
            directory.Advance(TimeSpan.FromSeconds(1));
        }

        var list = directory.Get<ListAuditEvents>();
        var first = (await list.ExecuteAsync(directory.Caller.TenantId, new AuditQuery { PageSize = 2 }, None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("late").Build(), None)).Ok();
        var second = (await list.ExecuteAsync(directory.Caller.TenantId, new AuditQuery { PageSize = 2, Cursor = first.NextCursor }, None)).Ok();
        var third = (await list.ExecuteAsync(directory.Caller.TenantId, new AuditQuery { PageSize = 2, Cursor = second.NextCursor }, None)).Ok();

        var names = first.Events.Concat(second.Events).Concat(third.Events).Select(e => (string?)e.Changes["userName"]!["after"]);
        Assert.Equal(["u4", "u3", "u2", "u1", "u0"], names);
        Assert.NotNull(second.NextCursor);
        Assert.Null(third.NextCursor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task A_page_size_outside_1_to_200_is_a_validation_error(int size)
    {
        await using var directory = await TestDirectory.CreateAsync();

        var error = (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { PageSize = size }, None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, error.Kind);
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("bm9wZQ")]
    public async Task A_cursor_the_server_did_not_issue_is_a_validation_error(string cursor)
    {
        await using var directory = await TestDirectory.CreateAsync();

        var error = (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { Cursor = cursor }, None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, error.Kind);
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_events()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("a").Build(), None)).Ok();
        (await directory.Users.CreateAsync(other, new UserBuilder("b").Build(), None)).Ok();

        var seen = (await directory.Get<ListAuditEvents>().ExecuteAsync(other.TenantId, new AuditQuery { ResourceId = Guid.Parse(user.Id) }, None)).Ok();
        var all = (await directory.Get<ListAuditEvents>().ExecuteAsync(other.TenantId, new AuditQuery(), None)).Ok();

        Assert.Empty(seen.Events);
        Assert.Equal("b", (string?)Assert.Single(all.Events).Changes["userName"]!["after"]);
    }

    private static async Task<List<AuditEvent>> AllAsync(TestDirectory directory)
    {
        var page = (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { PageSize = AuditQuery.MaxPageSize }, None)).Ok();
        return [.. page.Events.OrderBy(e => e.Occurred).ThenBy(e => e.Id)];
    }
}
