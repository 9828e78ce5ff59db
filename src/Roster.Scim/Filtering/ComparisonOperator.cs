namespace Roster.Scim.Filtering;

/// <summary>The attribute operators of RFC 7644 section 3.4.2.2, except <c>pr</c>.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Contains,
    StartsWith,
    EndsWith,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}
