using System.Text;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Fuzz.Targets;

/// <summary>
/// Filter text: parsed as a filter and as a value filter; what parses must print back to the
/// same tree and evaluate against a User without throwing.
/// </summary>
internal static class FilterTarget
{
    private static readonly System.Text.Json.Nodes.JsonObject User = SampleResources.User();

    public static void Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var parsed = FilterParser.Parse(text);
        Outcomes.ExpectClientError(parsed.Error, ScimErrorTypes.InvalidFilter);
        Outcomes.ExpectClientError(FilterParser.ParseValueFilter(text).Error, ScimErrorTypes.InvalidFilter);
        if (!parsed.IsSuccess)
        {
            return;
        }

        var printed = FilterFormatter.Format(parsed.Value);
        var again = FilterParser.Parse(printed);
        if (!again.IsSuccess || again.Value != parsed.Value)
        {
            throw new ContractViolationException($"'{printed}' does not parse back to the same filter: {again.Error?.Detail}");
        }

        FilterEvaluator.Matches(parsed.Value, User, ScimResourceTypes.User);
    }
}
