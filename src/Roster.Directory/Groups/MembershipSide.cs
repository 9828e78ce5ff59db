namespace Roster.Directory.Groups;

/// <summary>Which side of a membership row a derived attribute reads.</summary>
public enum MembershipSide
{
    /// <summary>A group's <c>members</c>.</summary>
    MembersOfGroup,

    /// <summary>A user's <c>groups</c>.</summary>
    GroupsOfUser,
}
