namespace Roster.Directory.Filtering;

/// <summary>The values of a user's <c>groups.type</c> (RFC 7643 section 4.1.2).</summary>
public static class MembershipTypes
{
    /// <summary>The user is a member of the group itself, not through a nested group.</summary>
    public const string Direct = "direct";

    public const string Indirect = "indirect";
}
