using Roster.Directory.Listing;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Listing;

/// <summary>
/// Large <c>totalResults</c> counts are kept a few seconds (<see cref="ListingCache"/>); here
/// "large" is 3 or more, so that a handful of users shows the rules: a write through the directory
/// voids the kept count at once, a change the directory did not make shows once the time is up,
/// and small counts are never kept.
/// </summary>
public sealed class LargeCountTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly ListingCacheOptions Options = new() { CacheFrom = 3, CacheFor = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task A_large_count_is_kept_until_the_directory_writes_or_the_time_is_up()
    {
        await using var directory = await TestDirectory.CreateAsync(configure: services => services.AddSingleton(Options));
        for (var i = 0; i < 5; i++)
        {
            (await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"user{i}").Build(), None)).Ok();
        }

        Assert.Equal(5, await TotalAsync(directory));

        // Removed behind the directory's back (as another node would): the kept count stands...
        await directory.ExecuteSqlAsync("DELETE FROM users WHERE user_name = 'user0'");
        Assert.Equal(5, await TotalAsync(directory));

        // ...until the time is up.
        directory.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(4, await TotalAsync(directory));

        // A write through the directory voids it at once.
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("user5").Build(), None)).Ok();
        Assert.Equal(5, await TotalAsync(directory));
    }

    [Fact]
    public async Task A_small_count_and_a_filtered_count_are_taken_afresh()
    {
        await using var directory = await TestDirectory.CreateAsync(configure: services => services.AddSingleton(Options));
        for (var i = 0; i < 4; i++)
        {
            (await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"user{i}").Build(), None)).Ok();
        }

        const string TwoUsers = "userName eq \"user0\" or userName eq \"user1\"";
        Assert.Equal(2, await TotalAsync(directory, TwoUsers));
        Assert.Equal(4, await TotalAsync(directory));

        await directory.ExecuteSqlAsync("DELETE FROM users WHERE user_name = 'user0'");

        // Two is below the size worth keeping: counted again. The whole list of four was kept.
        Assert.Equal(1, await TotalAsync(directory, TwoUsers));
        Assert.Equal(4, await TotalAsync(directory));
    }

    [Fact]
    public async Task Counts_are_kept_per_tenant()
    {
        await using var directory = await TestDirectory.CreateAsync(configure: services => services.AddSingleton(Options));
        var other = await directory.NewTenantAsync("Tenant B");
        for (var i = 0; i < 3; i++)
        {
            (await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"a{i}").Build(), None)).Ok();
            (await directory.Users.CreateAsync(other, new UserBuilder($"b{i}").Build(), None)).Ok();
        }

        (await directory.Users.CreateAsync(other, new UserBuilder("b3").Build(), None)).Ok();

        Assert.Equal(3, await TotalAsync(directory));
        Assert.Equal(4, (await directory.Users.ListAsync(other, Requests.Query(count: 1), None)).Ok().TotalResults);
    }

    // One user a page, so the page never shows the total by itself and the count runs.
    private static async Task<int> TotalAsync(TestDirectory directory, string? filter = null) =>
        (await directory.Users.ListAsync(directory.Caller, Requests.Query(filter: filter, count: 1), None)).Ok().TotalResults;
}
