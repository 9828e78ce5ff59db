namespace Roster.Scim.Schemas;

/// <summary>The <c>uniqueness</c> characteristic of RFC 7643 section 7.</summary>
public enum Uniqueness
{
    /// <summary><c>none</c>: values need not be unique.</summary>
    None,
    /// <summary><c>server</c>: a value is unique within the service provider; for Roster, within one tenant (e.g. <c>userName</c>).</summary>
    Server,
    /// <summary><c>global</c>: a value is unique across all service providers, e.g. a URN.</summary>
    Global,
}
