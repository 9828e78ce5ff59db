using System.Diagnostics.CodeAnalysis;
using Roster.Scim.Errors;

namespace Roster.Scim.Filtering;

/// <summary>
/// Parses a plain attribute reference (<c>attrPath</c>): the values of <c>attributes</c>,
/// <c>excludedAttributes</c> and <c>sortBy</c>, e.g. <c>name.givenName</c> or
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>.
/// </summary>
public static class AttributePathParser
{
    private const string UrnPrefix = "urn:";

    /// <summary>Parses one attribute path; an invalid one is a 400 <c>invalidPath</c>.</summary>
    public static ScimResult<AttributePath> Parse(string text)
    {
        var trimmed = (text ?? "").Trim();
        return TryParse(trimmed, out var path, out var problem)
            ? path
            : ScimError.InvalidPath(problem);
    }

    /// <summary>
    /// True when <paramref name="text"/> is a whole schema URN rather than an attribute path:
    /// it starts with <c>urn:</c> and ends in <c>:{version}:{name}</c>, the shape of every schema
    /// URN in RFC 7643 (<c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>) and of
    /// the custom extensions Okta and Entra ID create. <c>attributes</c> and
    /// <c>excludedAttributes</c> accept such a URN to select a whole extension.
    /// </summary>
    public static bool IsSchemaUrn(string text)
    {
        if (text is null || !text.StartsWith(UrnPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var segments = text.Split(':');
        return segments.Length >= 4
            && IsAttributeName(segments[^1])
            && IsVersion(segments[^2])
            && Array.TrueForAll(segments, s => s.Length > 0);
    }

    /// <summary>
    /// Parses <paramref name="text"/> (already trimmed) without allocating an error, for the
    /// filter parser, which adds the position to <paramref name="problem"/>.
    /// </summary>
    internal static bool TryParse(
        string text,
        [NotNullWhen(true)] out AttributePath? path,
        [NotNullWhen(false)] out string? problem)
    {
        path = null;
        if (text.Length == 0)
        {
            problem = "The attribute path is empty.";
            return false;
        }

        var shown = FilterSyntaxErrors.Shorten(text);
        string? urn = null;
        var local = text;
        if (text.StartsWith(UrnPrefix, StringComparison.OrdinalIgnoreCase))
        {
            if (IsSchemaUrn(text))
            {
                problem = $"'{shown}' names a schema, not an attribute; write '{shown}:attributeName'.";
                return false;
            }

            var colon = text.LastIndexOf(':');
            urn = text[..colon];
            local = text[(colon + 1)..];
            if (!IsUrn(urn))
            {
                problem = $"'{FilterSyntaxErrors.Shorten(urn)}' is not a valid schema URN.";
                return false;
            }

            if (local.Length == 0)
            {
                problem = $"Expected an attribute name after the schema URN '{FilterSyntaxErrors.Shorten(urn)}:'.";
                return false;
            }
        }
        else if (text.Contains(':', StringComparison.Ordinal))
        {
            problem = $"'{shown}' is not an attribute path: only a schema URN (urn:...) may contain ':'.";
            return false;
        }

        var parts = local.Split('.');
        if (Array.Exists(parts, p => p.Length == 0))
        {
            problem = $"'{shown}' has an empty attribute name.";
            return false;
        }

        if (parts.Length > 2)
        {
            problem = $"'{shown}' goes deeper than attribute.subAttribute.";
            return false;
        }

        foreach (var part in parts)
        {
            if (!IsAttributeName(part))
            {
                problem = $"'{FilterSyntaxErrors.Shorten(part)}' is not a valid attribute name: it must start with a letter and contain only letters, digits, '-' and '_'.";
                return false;
            }
        }

        path = new AttributePath(urn, parts[0], parts.Length == 2 ? parts[1] : null);
        problem = null;
        return true;
    }

    /// <summary>
    /// <c>ATTRNAME = ALPHA *(nameChar)</c> of RFC 7644, plus <c>$ref</c>, the one reserved name of
    /// RFC 7643 section 2.4 that breaks that rule (<c>members.$ref</c>, <c>manager.$ref</c>).
    /// </summary>
    internal static bool IsAttributeName(string name)
    {
        if (string.Equals(name, "$ref", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.Length == 0 || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsVersion(string segment) =>
        segment.Length > 0
        && char.IsAsciiDigit(segment[0])
        && char.IsAsciiDigit(segment[^1])
        && segment.All(c => char.IsAsciiDigit(c) || c == '.');

    /// <summary>A URN of at least <c>urn:nid:nss</c> with no empty segment and only URN characters (RFC 8141).</summary>
    private static bool IsUrn(string urn)
    {
        var segments = urn.Split(':');
        if (segments.Length < 3 || !Array.TrueForAll(segments, s => s.Length > 0))
        {
            return false;
        }

        foreach (var c in urn)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !"-._~%!$&'*+,;=:@/".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
