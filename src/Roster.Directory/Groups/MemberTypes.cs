namespace Roster.Directory.Groups;

/// <summary>The values of <c>members.type</c> (RFC 7643 section 4.2).</summary>
public static class MemberTypes
{
    public const string User = "User";
    public const string Group = "Group";
}
