using Roster.Directory.Tests.Support;
using Roster.Scim.Listing;

namespace Roster.Directory.Tests.Listing;

public sealed class PagingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task StartIndex_and_count_page_through_a_stable_order_with_the_total()
    {
        await using var directory = await TestDirectory.CreateAsync();
        for (var i = 0; i < 25; i++)
        {
            (await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"user{i:00}").Build(), None)).Ok();
        }

        var all = (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 100), None)).Ok();
        var page = (await directory.Users.ListAsync(directory.Caller, Requests.Query(startIndex: 11, count: 10), None)).Ok();
        var beyond = (await directory.Users.ListAsync(directory.Caller, Requests.Query(startIndex: 30, count: 10), None)).Ok();
        var countOnly = (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 0), None)).Ok();

        Assert.Equal(25, all.TotalResults);
        Assert.Equal(all.Resources.Skip(10).Take(10).Select(r => r.Id), page.Resources.Select(r => r.Id));
        Assert.Equal(25, page.TotalResults);
        Assert.Equal(11, page.StartIndex);
        Assert.Empty(beyond.Resources);
        Assert.Equal(25, beyond.TotalResults);
        Assert.Empty(countOnly.Resources);
        Assert.Equal(25, countOnly.TotalResults);
    }

    [Fact]
    public async Task SortBy_userName_ignores_case_in_both_directions()
    {
        await using var directory = await TestDirectory.CreateAsync();
        foreach (var name in new[] { "bob", "Alice", "carol", "ÄRNI", "Zed" })
        {
            (await directory.Users.CreateAsync(directory.Caller, new UserBuilder(name).Build(), None)).Ok();
        }

        var ascending = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "userName"), None)).Ok();
        var descending = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "userName", order: SortOrder.Descending), None)).Ok();

        Assert.Equal(["Alice", "bob", "carol", "Zed", "ÄRNI"], ascending.Resources.Select(r => r.Text("userName")));
        Assert.Equal(["ÄRNI", "Zed", "carol", "bob", "Alice"], descending.Resources.Select(r => r.Text("userName")));
    }

    [Fact]
    public async Task Sorting_by_a_document_attribute_puts_missing_values_last_ascending()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("u1").WithName("Ann", "smith").Build(), None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("u2").Build(), None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("u3").WithName("Bob", "Jones").Build(), None)).Ok();

        var ascending = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "name.familyName"), None)).Ok();
        var descending = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "name.familyName", order: SortOrder.Descending), None)).Ok();

        Assert.Equal(["u3", "u1", "u2"], ascending.Resources.Select(r => r.Text("userName")));
        Assert.Equal(["u2", "u1", "u3"], descending.Resources.Select(r => r.Text("userName")));
    }

    [Fact]
    public async Task Sorting_by_a_multi_valued_attribute_uses_its_primary_value()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("u1").WithEmail("a@x.com").WithEmail("z@x.com", "home", primary: true).Build(), None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("u2").WithEmail("m@x.com").Build(), None)).Ok();

        var page = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "emails"), None)).Ok();

        Assert.Equal(["u2", "u1"], page.Resources.Select(r => r.Text("userName")));
    }

    [Fact]
    public async Task Sorting_by_meta_created_descending_lists_the_newest_first()
    {
        await using var directory = await TestDirectory.CreateAsync();
        foreach (var name in new[] { "first", "second", "third" })
        {
            (await directory.Users.CreateAsync(directory.Caller, new UserBuilder(name).Build(), None)).Ok();
            directory.Advance(TimeSpan.FromSeconds(1));
        }

        var page = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: "meta.created", order: SortOrder.Descending), None)).Ok();

        Assert.Equal(["third", "second", "first"], page.Resources.Select(r => r.Text("userName")));
    }
}
