using FsCheck;
using FsCheck.Fluent;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Tests.Hostile;

namespace Roster.Scim.Tests.Filtering;

/// <summary>The attribute path parser on adversarial text, and printing then parsing a path.</summary>
public sealed class AttributePathPropertyTests
{
    [HostileProperty(3000)]
    public Property Parse_gives_a_path_or_invalidPath(HostileText input) =>
        HostileCall.Holds(input.Text, () =>
        {
            _ = AttributePathParser.IsSchemaUrn(input.Text);
            var result = AttributePathParser.Parse(input.Text);
            return result.IsSuccess || result.Error.ScimType == ScimErrorTypes.InvalidPath
                ? result.Error
                : throw new InvalidOperationException($"Expected invalidPath, got {result.Error.ScimType}");
        });

    [HostileProperty(2000)]
    public Property Print_then_parse_gives_the_same_path(AttributePath path)
    {
        var text = path.ToString();
        var parsed = AttributePathParser.Parse(text);

        return (parsed.IsSuccess && parsed.Value == path).Label($"{text} -> {(parsed.IsSuccess ? parsed.Value.ToString() : parsed.Error.Detail)}");
    }
}
