using System.Net;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Resources;
using Roster.Directory.Tests.Groups;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Tenants;

/// <summary>Whatever tenant A asks, it never sees or touches tenant B's users and groups.</summary>
public sealed class TenantIsolationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Another_tenants_user_is_not_found_by_id_list_or_filter()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = directory.Caller;
        var b = await directory.NewTenantAsync("Tenant B");
        var user = (await directory.Users.CreateAsync(b, new UserBuilder("bjensen").WithEmail("b@example.com").WithExternalId("x").Build(), None)).Ok();

        Assert.Equal(HttpStatusCode.NotFound, (await directory.Users.GetAsync(a, user.Id, true, None)).Failed().Status);
        Assert.Equal(HttpStatusCode.NotFound, (await directory.Users.PatchAsync(a, user.Id, Requests.Patch("""[{"op":"replace","path":"title","value":"x"}]"""), null, true, None)).Failed().Status);
        Assert.Equal(HttpStatusCode.NotFound, (await directory.Users.ReplaceAsync(a, user.Id, new UserBuilder("bjensen").Build(), null, None)).Failed().Status);
        Assert.Equal(HttpStatusCode.NotFound, (await directory.Users.DeleteAsync(a, user.Id, null, None)).Failed().Status);
        foreach (var filter in new[] { null, "userName eq \"bjensen\"", "emails.value eq \"b@example.com\"", "externalId eq \"x\"", $"id eq \"{user.Id}\"", "userName pr" })
        {
            var page = (await directory.Users.ListAsync(a, Requests.Query(filter), None)).Ok();
            Assert.Equal(0, page.TotalResults);
            Assert.Empty(page.Resources);
        }

        Assert.Equal(1, (await directory.Users.ListAsync(b, Requests.Query(), None)).Ok().TotalResults);
    }

    [Fact]
    public async Task Another_tenants_users_and_groups_cannot_become_members_nor_match_member_filters()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var a = directory.Caller;
        var b = await directory.NewTenantAsync("Tenant B");
        var theirUser = (await directory.Users.CreateAsync(b, new UserBuilder("theirs").Build(), None)).Ok().Id;
        var theirGroup = (await directory.Groups.CreateAsync(b, new GroupBuilder("Theirs").WithMembers(theirUser).Build(), None)).Ok().Id;
        var ourGroup = (await directory.Groups.CreateAsync(a, new GroupBuilder("Ours").Build(), None)).Ok().Id;

        var asUser = (await directory.Groups.PatchAsync(a, ourGroup, Requests.AddMembers(theirUser), null, true, None)).Failed();
        var asGroup = (await directory.Groups.PatchAsync(a, ourGroup, Requests.AddMembers(theirGroup), null, true, None)).Failed();
        var onCreate = (await directory.Groups.CreateAsync(a, new GroupBuilder("New").WithMembers(theirUser).Build(), None)).Failed();

        Assert.All([asUser, asGroup, onCreate], e => Assert.Equal(HttpStatusCode.BadRequest, e.Status));
        Assert.Equal(HttpStatusCode.NotFound, (await directory.Groups.PatchAsync(a, theirGroup, Requests.AddMembers(theirUser), null, true, None)).Failed().Status);
        Assert.Equal(HttpStatusCode.NotFound, (await directory.Groups.DeleteAsync(a, theirGroup, null, None)).Failed().Status);
        Assert.Equal(0, (await directory.Groups.ListAsync(a, Requests.Query($"members.value eq \"{theirUser}\""), None)).Ok().TotalResults);
        Assert.Equal(0, (await directory.Users.ListAsync(a, Requests.Query($"groups.value eq \"{theirGroup}\""), None)).Ok().TotalResults);
        Assert.Equal(1, (await directory.Groups.ListAsync(b, Requests.Query($"members.value eq \"{theirUser}\""), None)).Ok().TotalResults);
        Assert.Single(GroupStoreTests.Members((await directory.Groups.GetAsync(b, theirGroup, true, None)).Ok().Document));
    }

    [Fact]
    public async Task The_context_query_filter_shows_only_the_tenant_it_was_created_for()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var b = await directory.NewTenantAsync("Tenant B");
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("ours").Build(), None)).Ok();
        (await directory.Users.CreateAsync(b, new UserBuilder("theirs").Build(), None)).Ok();

        await using (var ours = directory.Database.CreateContext(directory.Caller.TenantId))
        {
            Assert.Equal(["ours"], await ours.Users.Select(u => u.UserName).ToListAsync());
        }

        await using var nobody = directory.Database.CreateContext(Guid.Empty);
        Assert.Empty(await nobody.Users.ToListAsync());
        Assert.Equal(2, await nobody.Users.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public async Task A_pooled_context_forgets_its_tenant_when_returned()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("ours").Build(), None)).Ok();
        var factory = directory.Services.GetService(typeof(IDbContextFactory<Roster.Directory.Database.RosterDbContext>)) as IDbContextFactory<Roster.Directory.Database.RosterDbContext>;

        await using (var first = directory.Database.CreateContext(directory.Caller.TenantId))
        {
            Assert.Equal(1, await first.Users.CountAsync());
        }

        await using var reused = await factory!.CreateDbContextAsync();
        Assert.Equal(Guid.Empty, reused.TenantId);
        Assert.Equal(0, await reused.Users.CountAsync());
    }

    [Fact]
    public async Task A_users_groups_never_include_another_tenants_group()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("ours").Build(), None)).Ok();

        var page = (await directory.Users.ListAsync(directory.Caller, Requests.Query(), None)).Ok();

        Assert.IsType<StoredResource>(Assert.Single(page.Resources));
        Assert.Null(page.Resources[0].Document["groups"]);
        Assert.Equal(user.Id, page.Resources[0].Id);
    }
}
