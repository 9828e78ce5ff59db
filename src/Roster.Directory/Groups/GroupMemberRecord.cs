namespace Roster.Directory.Groups;

/// <summary>One membership: a user or a group that is a direct member of a group.</summary>
public sealed class GroupMemberRecord
{
    public Guid TenantId { get; set; }

    public Guid GroupId { get; set; }

    public Guid MemberId { get; set; }

    /// <summary><see cref="MemberTypes.User"/> or <see cref="MemberTypes.Group"/>.</summary>
    public required string MemberType { get; set; }
}
