namespace Roster.Scim.Patching;

/// <summary>The PATCH operations of RFC 7644 section 3.5.2.</summary>
public enum PatchOperationType
{
    /// <summary><c>add</c>: adds values, appending to multi-valued attributes and setting singular ones (RFC 7644 section 3.5.2.1).</summary>
    Add,
    /// <summary><c>remove</c>: removes the values the path selects; a path is required (RFC 7644 section 3.5.2.2).</summary>
    Remove,
    /// <summary><c>replace</c>: replaces the values the path selects, or the whole attribute (RFC 7644 section 3.5.2.3).</summary>
    Replace,
}
