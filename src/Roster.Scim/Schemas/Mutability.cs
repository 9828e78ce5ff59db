namespace Roster.Scim.Schemas;

/// <summary>The <c>mutability</c> characteristic of RFC 7643 section 7.</summary>
public enum Mutability
{
    ReadWrite,
    ReadOnly,
    Immutable,
    WriteOnly,
}
