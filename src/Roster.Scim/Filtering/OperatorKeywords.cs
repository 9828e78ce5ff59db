namespace Roster.Scim.Filtering;

/// <summary>The attribute operators of RFC 7644 section 3.4.2.2 as written, ignoring case.</summary>
internal static class OperatorKeywords
{
    /// <summary>Every operator, for error messages.</summary>
    public const string List = "eq, ne, co, sw, ew, gt, ge, lt, le, pr";

    /// <summary>
    /// True when <paramref name="word"/> is an operator; <paramref name="op"/> is then the
    /// comparison, or null for <c>pr</c>.
    /// </summary>
    public static bool TryParse(string word, out ComparisonOperator? op)
    {
        op = word.Length != 2 ? null : word.ToUpperInvariant() switch
        {
            "EQ" => ComparisonOperator.Equal,
            "NE" => ComparisonOperator.NotEqual,
            "CO" => ComparisonOperator.Contains,
            "SW" => ComparisonOperator.StartsWith,
            "EW" => ComparisonOperator.EndsWith,
            "GT" => ComparisonOperator.GreaterThan,
            "GE" => ComparisonOperator.GreaterThanOrEqual,
            "LT" => ComparisonOperator.LessThan,
            "LE" => ComparisonOperator.LessThanOrEqual,
            _ => null,
        };
        return op is not null || string.Equals(word, "pr", StringComparison.OrdinalIgnoreCase);
    }
}
