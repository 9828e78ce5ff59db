namespace Roster.Scim.Schemas;

/// <summary>The data types of RFC 7643 section 2.3.</summary>
public enum AttributeType
{
    String,
    Boolean,
    Decimal,
    Integer,
    DateTime,
    Binary,
    Reference,
    Complex,
}
