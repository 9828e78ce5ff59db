namespace Roster.Scim.Resources;

/// <summary>Which write a resource body comes with.</summary>
public enum ResourceWriteMode
{
    /// <summary>POST: a new resource (RFC 7644 section 3.3).</summary>
    Create,

    /// <summary>PUT: the full replacement of a stored resource (RFC 7644 section 3.5.1); see <see cref="ResourceReplacement"/>.</summary>
    Replace,
}
