namespace Roster.Scim.Schemas;

/// <summary>The <c>returned</c> characteristic of RFC 7643 section 7.</summary>
public enum Returned
{
    Default,
    Always,
    Never,
    Request,
}
