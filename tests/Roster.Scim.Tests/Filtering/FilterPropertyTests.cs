using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Roster.Scim.Filtering;
using Roster.Scim.Tests.Builders;

namespace Roster.Scim.Tests.Filtering;

public sealed class FilterPropertyTests
{
    private static readonly JsonObject[] Resources = LoadResources();

    [Property(Arbitrary = [typeof(FilterArbitraries)], MaxTest = 500)]
    public Property Format_then_parse_gives_the_same_tree(FilterNode filter)
    {
        var text = FilterFormatter.Format(filter);
        var parsed = FilterParser.Parse(text);

        return (parsed.IsSuccess && parsed.Value == filter).Label($"{text} -> {(parsed.IsSuccess ? FilterFormatter.Format(parsed.Value) : parsed.Error.Detail)}");
    }

    [Property(MaxTest = 1000)]
    public bool Parse_never_throws_on_arbitrary_strings(string text)
    {
        var result = FilterParser.Parse(text);

        return result.IsSuccess || result.Error.Detail.Length > 0;
    }

    [Property(Arbitrary = [typeof(FilterArbitraries)], MaxTest = 2000)]
    public Property Parse_never_throws_on_token_soup_and_what_parses_formats_to_a_fixed_point(TokenSoup soup)
    {
        var result = FilterParser.Parse(soup.Text);
        if (!result.IsSuccess)
        {
            return (result.Error.ScimType == "invalidFilter").Label(result.Error.Detail);
        }

        var text = FilterFormatter.Format(result.Value);
        var again = FilterParser.Parse(text);
        return (again.IsSuccess && again.Value == result.Value).Label(text);
    }

    [Property(Arbitrary = [typeof(FilterArbitraries)], MaxTest = 500)]
    public bool Evaluation_never_throws_and_not_negates(FilterNode filter) =>
        Resources.All(resource =>
            FilterEvaluator.Matches(filter, resource, TestSchemas.UserType)
            != FilterEvaluator.Matches(new NotFilter(filter), resource, TestSchemas.UserType));

    [Property(Arbitrary = [typeof(FilterArbitraries)], MaxTest = 500)]
    public bool Ne_is_exactly_not_eq(FilterNode filter)
    {
        if (filter is not ComparisonFilter { Operator: ComparisonOperator.Equal } equal)
        {
            return true;
        }

        var notEqual = equal with { Operator = ComparisonOperator.NotEqual };
        return Resources.All(resource =>
            FilterEvaluator.Matches(equal, resource, TestSchemas.UserType)
            != FilterEvaluator.Matches(notEqual, resource, TestSchemas.UserType));
    }

    private static JsonObject[] LoadResources() =>
        CaseFiles.Load("filter-evaluation-cases.json")["resources"]!.AsObject()
            .Select(pair => pair.Value).OfType<JsonObject>()
            .Append([])
            .ToArray();
}
