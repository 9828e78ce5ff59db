using System.Text.Json.Nodes;
using Roster.Scim.Filtering;
using Roster.Scim.Tests.Builders;

namespace Roster.Scim.Tests.Filtering;

/// <summary>The cases of filter-evaluation-cases.json: a filter, a named resource, and whether it matches.</summary>
public sealed class FilterEvaluatorCaseTests
{
    private static readonly Lazy<JsonNode> File = new(() => CaseFiles.Load("filter-evaluation-cases.json"));

    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var entry in File.Value["cases"]!.AsArray())
        {
            data.Add(entry!["filter"]!.GetValue<string>(), entry["resource"]!.GetValue<string>(), entry["expected"]!.GetValue<bool>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter_matches_the_resource_as_the_case_file_says(string filter, string resourceName, bool expected)
    {
        var parsed = FilterParser.Parse(filter);
        Assert.True(parsed.IsSuccess, parsed.Error?.Detail);
        var resource = File.Value["resources"]![resourceName]!.AsObject();
        var typeName = File.Value["types"]?[resourceName]?.GetValue<string>() ?? "User";

        var matches = FilterEvaluator.Matches(parsed.Value, resource, TestSchemas.TypeNamed(typeName));

        Assert.Equal(expected, matches);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Not_of_a_filter_gives_the_opposite_answer(string filter, string resourceName, bool expected)
    {
        var parsed = FilterParser.Parse($"not ({filter})");
        Assert.True(parsed.IsSuccess, parsed.Error?.Detail);
        var resource = File.Value["resources"]![resourceName]!.AsObject();
        var typeName = File.Value["types"]?[resourceName]?.GetValue<string>() ?? "User";

        Assert.Equal(!expected, FilterEvaluator.Matches(parsed.Value, resource, TestSchemas.TypeNamed(typeName)));
    }

    [Fact]
    public void Case_file_holds_at_least_80_cases()
    {
        Assert.True(File.Value["cases"]!.AsArray().Count >= 80);
    }
}
