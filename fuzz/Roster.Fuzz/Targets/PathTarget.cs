using System.Text;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Patching;

namespace Roster.Fuzz.Targets;

/// <summary>Path text: parsed as an attribute path and as a PATCH path; a parsed PATCH path must print back to itself.</summary>
internal static class PathTarget
{
    public static void Run(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        _ = AttributePathParser.IsSchemaUrn(text);
        Outcomes.ExpectClientError(AttributePathParser.Parse(text).Error, ScimErrorTypes.InvalidPath);
        var parsed = PatchPathParser.Parse(text);
        Outcomes.ExpectClientError(parsed.Error, ScimErrorTypes.InvalidPath);
        if (!parsed.IsSuccess)
        {
            return;
        }

        var printed = parsed.Value.ToString();
        var again = PatchPathParser.Parse(printed);
        if (!again.IsSuccess || again.Value != parsed.Value)
        {
            throw new ContractViolationException($"'{printed}' does not parse back to the same PATCH path: {again.Error?.Detail}");
        }
    }
}
