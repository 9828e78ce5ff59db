namespace Roster.Scim.Filtering;

/// <summary>The attribute operators of RFC 7644 section 3.4.2.2, except <c>pr</c>.</summary>
public enum ComparisonOperator
{
    /// <summary><c>eq</c>: the attribute and the value are equal; strings compare by the attribute's <c>caseExact</c>.</summary>
    Equal,
    /// <summary><c>ne</c>: the attribute and the value are not equal.</summary>
    NotEqual,
    /// <summary><c>co</c>: the value is a substring of the attribute's string value.</summary>
    Contains,
    /// <summary><c>sw</c>: the attribute's string value begins with the value.</summary>
    StartsWith,
    /// <summary><c>ew</c>: the attribute's string value ends with the value.</summary>
    EndsWith,
    /// <summary><c>gt</c>: the attribute is greater than the value (strings lexically, dateTimes chronologically; not for booleans or binary).</summary>
    GreaterThan,
    /// <summary><c>ge</c>: the attribute is greater than or equal to the value, ordered as for <c>gt</c>.</summary>
    GreaterThanOrEqual,
    /// <summary><c>lt</c>: the attribute is less than the value, ordered as for <c>gt</c>.</summary>
    LessThan,
    /// <summary><c>le</c>: the attribute is less than or equal to the value, ordered as for <c>gt</c>.</summary>
    LessThanOrEqual,
}
