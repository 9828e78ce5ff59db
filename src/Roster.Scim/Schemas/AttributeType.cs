namespace Roster.Scim.Schemas;

/// <summary>The data types of RFC 7643 section 2.3.</summary>
public enum AttributeType
{
    /// <summary>A sequence of Unicode characters, compared by <c>caseExact</c> (RFC 7643 section 2.3.1).</summary>
    String,
    /// <summary><c>true</c> or <c>false</c> (RFC 7643 section 2.3.2).</summary>
    Boolean,
    /// <summary>A real number with at least one digit after the point (RFC 7643 section 2.3.3).</summary>
    Decimal,
    /// <summary>A whole number with no fractional part (RFC 7643 section 2.3.4).</summary>
    Integer,
    /// <summary>An <c>xsd:dateTime</c> string, e.g. <c>2008-01-23T04:56:22Z</c>, compared chronologically (RFC 7643 section 2.3.5).</summary>
    DateTime,
    /// <summary>Base64-encoded bytes; always case-exact and never ordered (RFC 7643 section 2.3.6).</summary>
    Binary,
    /// <summary>A URI pointing to a resource, restricted by <c>referenceTypes</c> (RFC 7643 section 2.3.7).</summary>
    Reference,
    /// <summary>A value made of sub-attributes, which may not themselves be complex (RFC 7643 section 2.3.8).</summary>
    Complex,
}
