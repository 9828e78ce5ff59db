namespace Roster.Scim.Schemas;

/// <summary>The <c>uniqueness</c> characteristic of RFC 7643 section 7.</summary>
public enum Uniqueness
{
    None,
    Server,
    Global,
}
