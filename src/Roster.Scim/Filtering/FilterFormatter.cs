namespace Roster.Scim.Filtering;

/// <summary>Writes a <see cref="FilterNode"/> back as canonical SCIM filter text.</summary>
public static class FilterFormatter
{
    /// <summary>The filter as text that <see cref="FilterParser"/> parses back to an equal tree.</summary>
    public static string Format(FilterNode node) => node switch
    {
        LogicalFilter l => $"({Format(l.Left)} {(l.Operator == LogicalOperator.And ? "and" : "or")} {Format(l.Right)})",
        NotFilter n => $"not ({Format(n.Inner)})",
        ComparisonFilter c => $"{c.Attribute} {OperatorText(c.Operator)} {c.Value}",
        PresentFilter p => $"{p.Attribute} pr",
        ValuePathFilter v => $"{v.Attribute}[{Format(v.Filter)}]",
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    /// <summary>The operator's two-letter SCIM name.</summary>
    public static string OperatorText(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "eq",
        ComparisonOperator.NotEqual => "ne",
        ComparisonOperator.Contains => "co",
        ComparisonOperator.StartsWith => "sw",
        ComparisonOperator.EndsWith => "ew",
        ComparisonOperator.GreaterThan => "gt",
        ComparisonOperator.GreaterThanOrEqual => "ge",
        ComparisonOperator.LessThan => "lt",
        ComparisonOperator.LessThanOrEqual => "le",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };
}
