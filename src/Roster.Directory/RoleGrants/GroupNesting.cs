using Roster.Directory.Filtering;

namespace Roster.Directory.RoleGrants;

/// <summary>
/// The recursive walks over nested groups that role rules need, as SQL common table expressions.
/// <c>UNION</c> (not <c>UNION ALL</c>) drops groups already reached, so a cycle of groups ends the
/// walk instead of looping.
/// </summary>
internal static class GroupNesting
{
    /// <summary>
    /// <c>above(id)</c>: the group <paramref name="groupParameter"/> and every group it is nested
    /// in, at any depth.
    /// </summary>
    public static string AboveGroup(string groupParameter) =>
        $"WITH RECURSIVE above(id) AS (SELECT {groupParameter} UNION {UpOneLevel}) ";

    /// <summary><c>above(id)</c>: every group <paramref name="userParameter"/> is a member of, directly or through nesting.</summary>
    public static string AboveUser(string userParameter) =>
        $"WITH RECURSIVE above(id) AS (SELECT m.group_id FROM group_members AS m WHERE m.tenant_id = {SqlParameters.Tenant} AND m.member_id = {userParameter} " +
        $"UNION {UpOneLevel}) ";

    /// <summary>
    /// <c>matched(id)</c>: the groups selected by <paramref name="groupCondition"/> (on alias
    /// <c>g</c>) and every group nested in them; <c>reached(user_id)</c>: every user who is a member
    /// of one of those, once.
    /// </summary>
    public static string Below(string groupCondition) =>
        $"WITH RECURSIVE matched(id) AS (SELECT g.id FROM groups AS g WHERE g.tenant_id = {SqlParameters.Tenant} AND {groupCondition} " +
        $"UNION SELECT m.member_id FROM group_members AS m JOIN matched ON m.group_id = matched.id WHERE m.tenant_id = {SqlParameters.Tenant} AND m.member_type = 'Group'), " +
        $"reached(user_id) AS (SELECT DISTINCT m.member_id FROM group_members AS m JOIN matched ON m.group_id = matched.id " +
        $"WHERE m.tenant_id = {SqlParameters.Tenant} AND m.member_type = 'User') ";

    private static string UpOneLevel =>
        $"SELECT m.group_id FROM group_members AS m JOIN above ON m.member_id = above.id WHERE m.tenant_id = {SqlParameters.Tenant} AND m.member_type = 'Group'";
}
