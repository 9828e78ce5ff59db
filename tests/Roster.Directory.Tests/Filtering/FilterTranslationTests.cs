using Roster.Directory.Tests.Support;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Tests.Filtering;

/// <summary>
/// Each filter of filter-cases.json runs in SQLite and must match exactly the expected resources
/// and exactly what the in-memory <see cref="FilterEvaluator"/> (the reference semantics) matches.
/// </summary>
public sealed class FilterTranslationTests(FilterCasesDirectory seeded) : IClassFixture<FilterCasesDirectory>
{
    [Theory]
    [MemberData(nameof(FilterCases.All), MemberType = typeof(FilterCases))]
    public async Task The_database_matches_the_expected_resources_and_the_evaluator(string resource, string filter)
    {
        var users = resource == "Users";
        var store = users ? (Resources.IScimResourceStore)seeded.Directory.Users : seeded.Directory.Groups;
        var type = users ? ScimResourceTypes.User : ScimResourceTypes.Group;
        var name = users ? "userName" : "displayName";
        var parsed = Requests.Filter(filter);

        var page = (await store.ListAsync(seeded.Directory.Caller, Requests.Query(filter, count: 1000), CancellationToken.None)).Ok();
        var fromDatabase = page.Resources.Select(r => r.Text(name)).Order(StringComparer.Ordinal).ToList();
        var fromEvaluator = (users ? seeded.Users : seeded.Groups)
            .Where(r => FilterEvaluator.Matches(parsed, r.Document, type))
            .Select(r => r.Text(name)).Order(StringComparer.Ordinal).ToList();
        var expected = FilterCases.Expected(resource, filter).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(expected, fromDatabase);
        Assert.Equal(expected, fromEvaluator);
        Assert.Equal(expected.Count, page.TotalResults);
    }
}
