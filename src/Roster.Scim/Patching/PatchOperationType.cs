namespace Roster.Scim.Patching;

/// <summary>The PATCH operations of RFC 7644 section 3.5.2.</summary>
public enum PatchOperationType
{
    Add,
    Remove,
    Replace,
}
