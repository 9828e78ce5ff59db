using System.Net;
using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;

namespace Roster.Scim.Tests.Filtering;

/// <summary>The cases of filter-parse-cases.json: each filter parses to its canonical text or fails with its error.</summary>
public sealed class FilterParserCaseTests
{
    public static TheoryData<string, string?, string?> Cases()
    {
        var data = new TheoryData<string, string?, string?>();
        foreach (var entry in CaseFiles.Load("filter-parse-cases.json").AsArray())
        {
            data.Add(
                entry!["filter"]!.GetValue<string>(),
                entry["canonical"]?.GetValue<string>(),
                entry["error"]?.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Filter_parses_to_its_canonical_text_or_fails_with_its_error(string filter, string? canonical, string? error)
    {
        var result = FilterParser.Parse(filter);

        if (error is not null)
        {
            Assert.False(result.IsSuccess, $"Expected an error, got {(result.IsSuccess ? FilterFormatter.Format(result.Value) : "")}");
            Assert.Equal(HttpStatusCode.BadRequest, result.Error.Status);
            Assert.Equal(ScimErrorTypes.InvalidFilter, result.Error.ScimType);
            Assert.Contains(error, result.Error.Detail, StringComparison.Ordinal);
            return;
        }

        Assert.True(result.IsSuccess, result.Error?.Detail);
        var text = FilterFormatter.Format(result.Value);
        Assert.Equal(canonical, text);
        var reparsed = FilterParser.Parse(text);
        Assert.True(reparsed.IsSuccess, reparsed.Error?.Detail);
        Assert.Equal(result.Value, reparsed.Value);
    }

    [Fact]
    public void Case_file_holds_at_least_150_cases_with_every_rfc_example()
    {
        var entries = CaseFiles.Load("filter-parse-cases.json").AsArray();
        var rfcExamples = entries.Count(e => e!["note"]?.GetValue<string>().StartsWith("RFC 7644", StringComparison.Ordinal) == true);

        Assert.True(entries.Count >= 150, $"{entries.Count} cases");
        Assert.True(rfcExamples >= 20, $"{rfcExamples} RFC examples");
        Assert.All(entries, e => Assert.True(e is JsonObject o && o.ContainsKey("filter") && (o.ContainsKey("canonical") ^ o.ContainsKey("error"))));
    }
}
