using Roster.Scim.Errors;
using Roster.Scim.Filtering;

namespace Roster.Scim.Patching;

/// <summary>
/// Parses a PATCH <c>path</c> (RFC 7644 section 3.5.2, <c>PATH = attrPath / valuePath [subAttr]</c>)
/// into a <see cref="PatchPath"/>: <c>name.givenName</c>, <c>members[value eq "2819c223"]</c>,
/// <c>emails[type eq "work"].value</c>, URN-qualified paths such as
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>, and a bare
/// extension URN. The attribute part is read by <see cref="AttributePathParser"/> and the value
/// filter by <see cref="FilterParser.ParseValueFilter"/>; every failure is a 400
/// <c>invalidPath</c> that quotes the path and says what is wrong.
/// </summary>
public static class PatchPathParser
{
    /// <summary>Parses a path; an invalid one is a 400 <c>invalidPath</c> that says why.</summary>
    public static ScimResult<PatchPath> Parse(string text)
    {
        var path = (text ?? "").Trim();
        if (path.Length == 0)
        {
            return ScimError.InvalidPath("The PATCH path is empty.");
        }

        var open = path.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            if (path.Contains(']', StringComparison.Ordinal))
            {
                return Invalid(path, "it has a ']' without a matching '['");
            }

            if (AttributePathParser.IsSchemaUrn(path))
            {
                return PatchPath.ForSchema(path);
            }

            var attribute = AttributePathParser.Parse(path);
            return attribute.IsSuccess ? new PatchPath(attribute.Value) : Invalid(path, attribute.Error.Detail);
        }

        return ParseValuePath(path, open);
    }

    private static ScimResult<PatchPath> ParseValuePath(string path, int open)
    {
        var close = FindClosingBracket(path, open);
        if (close < 0)
        {
            return Invalid(path, $"the '[' at position {open + 1} is never closed with ']'");
        }

        var head = AttributePathParser.Parse(path[..open]);
        if (!head.IsSuccess)
        {
            return Invalid(path, head.Error.Detail);
        }

        if (head.Value.SubAttribute is not null)
        {
            return Invalid(path, $"a value filter must follow an attribute, not the sub-attribute '{FilterSyntaxErrors.Shorten(head.Value.ToString())}'");
        }

        string? subAttribute = null;
        var rest = path[(close + 1)..];
        if (rest.Length > 0)
        {
            if (rest[0] != '.')
            {
                return Invalid(path, $"expected '.' and a sub-attribute after the ']' at position {close + 1}, found '{FilterSyntaxErrors.Shorten(rest)}'");
            }

            subAttribute = rest[1..];
            if (!AttributePathParser.IsAttributeName(subAttribute))
            {
                return Invalid(path, $"'{FilterSyntaxErrors.Shorten(subAttribute)}' after the value filter is not a valid sub-attribute name");
            }
        }

        var inner = path[(open + 1)..close];
        if (string.IsNullOrWhiteSpace(inner))
        {
            return Invalid(path, "the value filter between '[' and ']' is empty");
        }

        var filter = FilterParser.ParseValueFilter(inner);
        return filter.IsSuccess
            ? new PatchPath(head.Value, filter.Value, subAttribute)
            : Invalid(path, $"its value filter is invalid: {filter.Error.Detail}");
    }

    /// <summary>
    /// The index of the ']' that closes the '[' at <paramref name="open"/>; brackets and quotes
    /// inside string literals (<c>value eq "a]b"</c>, with JSON escapes) do not count. -1 if none.
    /// </summary>
    private static int FindClosingBracket(string path, int open)
    {
        var depth = 0;
        var inString = false;
        for (var i = open; i < path.Length; i++)
        {
            var c = path[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '[':
                    depth++;
                    break;
                case ']':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>The error, quoting at most the start of the path: a path can be as long as the body.</summary>
    private static ScimError Invalid(string path, string problem) =>
        ScimError.InvalidPath($"Invalid PATCH path '{FilterSyntaxErrors.Shorten(path)}': {Sentence(problem)}");

    private static string Sentence(string problem)
    {
        var text = char.ToUpperInvariant(problem[0]) + problem[1..];
        return text.EndsWith('.') ? text : text + ".";
    }
}
