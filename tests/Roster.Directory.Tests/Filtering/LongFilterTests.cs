using Roster.Directory.Database;
using Roster.Directory.Tests.Support;
using Roster.Scim.Filtering;
using Roster.Scim.Listing;

namespace Roster.Directory.Tests.Filtering;

/// <summary>
/// Runs of thousands of terms joined by one operator run in the database, whatever the limit
/// the server puts on the number of terms: the translation never nests SQL once per term, which
/// SQLite refuses past 1,000 levels ("Expression tree is too large"). The query time budget is
/// lifted: PostgreSQL takes seconds to plan thousands of terms, which is what the server's own
/// limits on terms and time are for.
/// </summary>
public sealed class LongFilterTests
{
    private static readonly FilterLimits Unlimited = new() { MaxLength = 1_000_000, MaxTerms = 100_000 };

    private static Task<TestDirectory> CreateAsync() =>
        TestDirectory.CreateAsync(configure: services => services.AddSingleton(new DirectoryLimits { QueryTimeout = TimeSpan.FromMinutes(5) }));

    [Theory]
    [InlineData("userName eq \"u{0}\"", " or ", 1)]
    [InlineData("id pr", " or ", 2)]
    [InlineData("id pr", " and ", 2)]
    [InlineData("emails[value eq \"u{0}\"]", " or ", 1)]
    [InlineData("not (userName eq \"u{0}\")", " and ", 1)]
    public async Task Three_thousand_terms_run_in_the_database(string term, string separator, int expected)
    {
        await using var directory = await CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("u1500").WithEmail("u1500").Build(), CancellationToken.None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("other").Build(), CancellationToken.None)).Ok();
        var filter = string.Join(separator, Enumerable.Range(0, 3_000).Select(i => term.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        var page = (await directory.Users.ListAsync(directory.Caller, Parsed(filter), CancellationToken.None)).Ok();

        Assert.Equal(expected, page.TotalResults);
    }

    [Fact]
    public async Task A_value_filter_of_three_thousand_terms_runs_in_the_database()
    {
        await using var directory = await CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("u2999").WithEmail("u2999", type: "work").Build(), CancellationToken.None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("other").WithEmail("other", type: "work").Build(), CancellationToken.None)).Ok();
        var filter = "emails[type eq \"work\" and (" + string.Join(" or ", Enumerable.Range(0, 3_000).Select(i => $"value eq \"u{i}\"")) + ")]";

        var page = (await directory.Users.ListAsync(directory.Caller, Parsed(filter), CancellationToken.None)).Ok();

        Assert.Equal("u2999", Assert.Single(page.Resources).Text("userName"));
    }

    private static ListQuery Parsed(string filter) => new() { Filter = FilterParser.Parse(filter, Unlimited).GetValueOrThrow(), Count = 10 };
}
