using Roster.Directory.Tests.Support;
using Roster.Scim.Listing;

namespace Roster.Directory.Tests.Listing;

/// <summary>
/// A <c>startIndex</c> page that follows the one before it starts right after that page's last
/// row (a bookmark) instead of skipping every row before it. The answer must be what the plain
/// query gives, while nothing was written; and nothing else may use a bookmark.
/// </summary>
public sealed class PageBookmarkTests
{
    private const int Users = 35;
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(null, SortOrder.Ascending)]
    [InlineData("userName", SortOrder.Descending)]
    [InlineData("name.familyName", SortOrder.Ascending)]
    public async Task A_walk_page_by_page_gives_every_user_once_in_order(string? sortBy, SortOrder order)
    {
        await using var directory = await SeededAsync();

        var all = await PageAsync(directory, 1, 100, sortBy, order);
        var walked = new List<string>();
        for (var start = 1; start <= Users; start += 10)
        {
            walked.AddRange(await PageAsync(directory, start, 10, sortBy, order));
        }

        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task The_next_page_continues_after_the_last_row_shown_until_the_directory_writes()
    {
        await using var directory = await SeededAsync();
        var all = await PageAsync(directory, 1, 100);
        Assert.Equal(all.Take(10), await PageAsync(directory, 1, 10));

        // A row of the first page goes behind the directory's back (as another node would): the
        // next page still starts after the last row shown, so the walk misses nobody...
        await directory.ExecuteSqlAsync($"DELETE FROM users WHERE user_name = '{all[0]}'");
        Assert.Equal(all.Skip(10).Take(10), await PageAsync(directory, 11, 10));

        // ...and once the directory itself writes, pages are counted from the start again.
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("zz-late").Build(), None)).Ok();
        var now = await PageAsync(directory, 1, 100);
        Assert.Equal(now.Skip(20).Take(10), await PageAsync(directory, 21, 10));
    }

    [Fact]
    public async Task A_page_asked_for_out_of_order_is_read_from_the_start()
    {
        await using var directory = await SeededAsync();
        var all = await PageAsync(directory, 1, 100);
        Assert.Equal(all.Take(10), await PageAsync(directory, 1, 10));

        await directory.ExecuteSqlAsync($"DELETE FROM users WHERE user_name = '{all[0]}'");

        // No page ended at 20: this one skips the rows there are now.
        Assert.Equal(all.Skip(22).Take(10), await PageAsync(directory, 22, 10));
    }

    private static async Task<TestDirectory> SeededAsync()
    {
        var directory = await TestDirectory.CreateAsync();
        for (var i = 0; i < Users; i++)
        {
            var builder = new UserBuilder($"user{i:00}");
            (await directory.Users.CreateAsync(directory.Caller, (i % 4 == 0 ? builder : builder.WithName("Given", $"family{i % 5}")).Build(), None)).Ok();
        }

        return directory;
    }

    private static async Task<List<string>> PageAsync(TestDirectory directory, int startIndex, int count, string? sortBy = null, SortOrder order = SortOrder.Ascending)
    {
        var page = (await directory.Users.ListAsync(directory.Caller, Requests.Query(sortBy: sortBy, order: order, startIndex: startIndex, count: count), None)).Ok();
        return [.. page.Resources.Select(r => r.Text("userName")!)];
    }
}
