using System.Globalization;
using Roster.Scim.Errors;

namespace Roster.Scim.Filtering;

/// <summary>
/// Parses SCIM filter text (RFC 7644 section 3.4.2.2) into a <see cref="FilterNode"/>. Never
/// throws: malformed text, however odd, is a 400 <c>invalidFilter</c> that says what was
/// expected and at which (1-based) character position.
/// </summary>
public static class FilterParser
{
    /// <summary>The longest filter accepted by default, in characters.</summary>
    public const int MaxLength = 10_000;

    /// <summary>How deeply parentheses, <c>not (...)</c> and brackets may nest by default.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// How many terms (comparisons and <c>pr</c> tests) a filter may hold by default: room for a
    /// batch lookup of a few hundred <c>userName eq</c> terms, while the 10,000 characters would
    /// allow 1,100 <c>id pr</c> terms, each tested against every row.
    /// </summary>
    public const int MaxTerms = 500;

    /// <summary>Parses a filter; a syntax error is a 400 <c>invalidFilter</c> that says where.</summary>
    /// <param name="text">The filter text.</param>
    /// <param name="limits">Length and nesting limits; <see cref="FilterLimits.Default"/> when null.</param>
    public static ScimResult<FilterNode> Parse(string text, FilterLimits? limits = null) => Read(text, valueFilterOwner: null, limits ?? FilterLimits.Default);

    /// <summary>
    /// Parses the filter inside the brackets of a value path (<c>valFilter</c>), e.g. the
    /// <c>type eq "work"</c> of the PATCH path <c>emails[type eq "work"].value</c>: paths are
    /// relative to one element and brackets cannot nest.
    /// </summary>
    public static ScimResult<FilterNode> ParseValueFilter(string text) => Read(text, valueFilterOwner: "", FilterLimits.Default);

    private static ScimResult<FilterNode> Read(string? text, string? valueFilterOwner, FilterLimits limits)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ScimError.InvalidFilter("The filter is empty.");
        }

        if (text.Length > limits.MaxLength)
        {
            return ScimError.InvalidFilter(string.Create(
                CultureInfo.InvariantCulture,
                $"The filter is {text.Length:N0} characters long; the limit is {limits.MaxLength:N0}."));
        }

        try
        {
            var reader = new FilterExpressionReader(DecodePlusAsSpace(text), limits.MaxDepth, limits.MaxTerms);
            return reader.ReadAll(valueFilterOwner);
        }
        catch (ScimException e)
        {
            return e.Error;
        }
    }

    /// <summary>
    /// Tolerated: '+' for a space. Clients that form-encode a query and then percent-encode it
    /// again (hand-built URLs, some HTTP libraries' double encoding; no public source names an
    /// IdP) deliver <c>userName+eq+"x"</c> after one round of decoding.
    /// A filter with no whitespace at all can never be valid (every comparison needs spaces), so
    /// only such a filter is rewritten, and '+' inside quoted strings (plus-addressed emails such
    /// as <c>"a+b@example.com"</c>) is kept. The length is unchanged, so positions still match.
    /// </summary>
    private static string DecodePlusAsSpace(string text)
    {
        if (!text.Contains('+', StringComparison.Ordinal) || text.Any(char.IsWhiteSpace))
        {
            return text;
        }

        var chars = text.ToCharArray();
        var inString = false;
        for (var i = 0; i < chars.Length; i++)
        {
            switch (chars[i])
            {
                case '"':
                    inString = !inString;
                    break;
                case '\\' when inString:
                    i++;
                    break;
                case '+' when !inString:
                    chars[i] = ' ';
                    break;
            }
        }

        return new string(chars);
    }
}
