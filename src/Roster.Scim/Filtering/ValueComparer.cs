using System.Globalization;
using System.Text.Json.Nodes;
using Roster.Scim.Schemas;

namespace Roster.Scim.Filtering;

/// <summary>
/// Compares one stored scalar with a filter literal under RFC 7644 section 3.4.2.2: strings by
/// the attribute's case-exactness, dateTimes as instants, numbers numerically, booleans as
/// booleans. A value of the wrong shape never matches; nothing here throws.
/// </summary>
internal static class ValueComparer
{
    /// <summary>True when <paramref name="stored"/> satisfies <c>stored op literal</c>.</summary>
    public static bool Matches(JsonNode? stored, AttributeDefinition? definition, ComparisonOperator op, FilterLiteral literal)
    {
        if (stored is not JsonValue value)
        {
            return false;
        }

        return literal.Kind switch
        {
            FilterLiteralKind.String => MatchesString(value, definition, op, literal.Text ?? ""),
            FilterLiteralKind.Number => MatchesNumber(value, definition, op, literal.Number ?? 0),
            FilterLiteralKind.Boolean => op is ComparisonOperator.Equal or ComparisonOperator.NotEqual
                && ScimJson.AsBoolean(value) is { } flag
                && (flag == literal.Boolean) == (op == ComparisonOperator.Equal),
            _ => false,
        };
    }

    private static bool MatchesString(JsonValue value, AttributeDefinition? definition, ComparisonOperator op, string literal)
    {
        if (ScimJson.AsText(value) is not { } text)
        {
            return false;
        }

        if (!IsSubstringOperator(op))
        {
            switch (definition?.Type)
            {
                case AttributeType.DateTime when TryParseInstant(text, out var left) && TryParseInstant(literal, out var right):
                    return Satisfies(left.CompareTo(right), op);
                case AttributeType.Integer or AttributeType.Decimal when TryParseNumber(text, out var left) && TryParseNumber(literal, out var right):
                    return Satisfies(left.CompareTo(right), op);
                case AttributeType.Boolean when bool.TryParse(text, out var left) && bool.TryParse(literal.Trim(), out var right):
                    return op is ComparisonOperator.Equal or ComparisonOperator.NotEqual
                        && (left == right) == (op == ComparisonOperator.Equal);
                case AttributeType.DateTime or AttributeType.Integer or AttributeType.Decimal when IsOrdering(op):
                    // "yesterday" gt "2020-01-01T00:00:00Z" has no chronological answer; text
                    // order would give a wrong one.
                    return false;
            }
        }

        return MatchesText(text, literal, op, definition?.CaseExact ?? false);
    }

    private static bool MatchesNumber(JsonValue value, AttributeDefinition? definition, ComparisonOperator op, decimal literal)
    {
        var literalText = literal.ToString(CultureInfo.InvariantCulture);
        var isText = definition?.Type is AttributeType.String or AttributeType.Reference or AttributeType.Binary;
        if (isText || IsSubstringOperator(op))
        {
            // externalId eq 12345: the client meant the string it did not quote.
            return ScimJson.AsText(value) is { } text && MatchesText(text, literalText, op, definition?.CaseExact ?? false);
        }

        return ScimJson.TryGetNumber(value, out var number) && Satisfies(number.CompareTo(literal), op);
    }

    private static bool MatchesText(string stored, string literal, ComparisonOperator op, bool caseExact)
    {
        var left = ScimStringComparison.Fold(stored, caseExact);
        var right = ScimStringComparison.Fold(literal, caseExact);
        return op switch
        {
            ComparisonOperator.Contains => left.Contains(right, StringComparison.Ordinal),
            ComparisonOperator.StartsWith => left.StartsWith(right, StringComparison.Ordinal),
            ComparisonOperator.EndsWith => left.EndsWith(right, StringComparison.Ordinal),
            _ => Satisfies(ScimStringComparison.CompareByCodePoint(left, right), op),
        };
    }

    private static bool Satisfies(int comparison, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => comparison == 0,
        ComparisonOperator.NotEqual => comparison != 0,
        ComparisonOperator.GreaterThan => comparison > 0,
        ComparisonOperator.GreaterThanOrEqual => comparison >= 0,
        ComparisonOperator.LessThan => comparison < 0,
        ComparisonOperator.LessThanOrEqual => comparison <= 0,
        _ => false,
    };

    private static bool IsOrdering(ComparisonOperator op) =>
        op is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual
            or ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual;

    private static bool IsSubstringOperator(ComparisonOperator op) =>
        op is ComparisonOperator.Contains or ComparisonOperator.StartsWith or ComparisonOperator.EndsWith;

    private static bool TryParseNumber(string text, out decimal number) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    /// <summary>
    /// An xsd:dateTime as RFC 7643 section 2.3.5 requires (<c>2011-05-13T04:42:34Z</c>), with or
    /// without fractional seconds or an offset; a missing offset means UTC. Anything not starting
    /// with <c>yyyy-mm-dd</c> is refused so that loose formats never compare as dates.
    /// </summary>
    internal static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        var trimmed = text.Trim();
        return trimmed.Length >= 10
            && char.IsAsciiDigit(trimmed[0]) && char.IsAsciiDigit(trimmed[1]) && char.IsAsciiDigit(trimmed[2]) && char.IsAsciiDigit(trimmed[3])
            && trimmed[4] == '-' && char.IsAsciiDigit(trimmed[5]) && char.IsAsciiDigit(trimmed[6])
            && trimmed[7] == '-' && char.IsAsciiDigit(trimmed[8]) && char.IsAsciiDigit(trimmed[9])
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }
}
