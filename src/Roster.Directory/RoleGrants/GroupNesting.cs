using Roster.Directory.Filtering;

namespace Roster.Directory.RoleGrants;

/// <summary>
/// The recursive walks over nested groups, as SQL common table expressions: role rules, a user's
/// <c>groups</c> (direct and indirect, RFC 7643 section 4.1.2) and filters on it, and the cycle
/// check of membership writes. <c>UNION</c> (not <c>UNION ALL</c>) drops rows already reached, so
/// a cycle of groups (stored before cycles were refused) ends the walk instead of looping.
/// </summary>
internal static class GroupNesting
{
    /// <summary>
    /// <c>reach(user_id, group_id, depth)</c>: for each user whose id is <paramref name="usersCondition"/>
    /// (a condition on <c>m.member_id</c>, e.g. <c>IN (...)</c> or <c>= u.id</c>), every group it
    /// belongs to: depth 0 for a direct membership, 1 for one through nested groups. A group reached
    /// both ways appears at both depths; <see cref="ReachedGroups"/> keeps the nearest.
    /// </summary>
    public static string ReachOfUsers(string usersCondition) =>
        $"WITH RECURSIVE reach(user_id, group_id, depth) AS (SELECT m.member_id, m.group_id, 0 FROM group_members AS m " +
        $"WHERE m.tenant_id = {SqlParameters.Tenant} AND m.member_id {usersCondition} " +
        $"UNION SELECT r.user_id, p.group_id, 1 FROM reach AS r CROSS JOIN group_members AS p " +
        $"WHERE p.tenant_id = {SqlParameters.Tenant} AND p.member_id = r.group_id AND p.member_type = 'Group') ";

    /// <summary>
    /// The groups of the user <paramref name="userExpression"/> (an outer row's id, e.g. <c>u.id</c>)
    /// as a derived table <c>(group_id, depth)</c>, one row per group, depth 0 when direct: the
    /// elements a filter on a user's <c>groups</c> tests.
    /// </summary>
    public static string ReachedGroups(string userExpression) =>
        $"({ReachOfUsers($"= {userExpression}")}SELECT reach.group_id AS group_id, MIN(reach.depth) AS depth FROM reach GROUP BY reach.group_id)";

    /// <summary>
    /// The users that are members of <paramref name="groupParameter"/> directly or through groups
    /// nested in it, as a sub-select of user ids: <c>groups.value eq "id"</c> of a user filter.
    /// </summary>
    /// <remarks>
    /// <c>matched CROSS JOIN group_members</c> makes SQLite walk from the few groups reached to
    /// their rows by the primary key (tenant_id, group_id) rather than over the tenant's rows by
    /// member; PostgreSQL plans the join freely.
    /// </remarks>
    public static string UsersBelow(string groupParameter) =>
        $"WITH RECURSIVE matched(id) AS (SELECT {groupParameter} " +
        $"UNION SELECT m.member_id FROM matched CROSS JOIN group_members AS m WHERE m.tenant_id = {SqlParameters.Tenant} AND m.group_id = matched.id AND m.member_type = 'Group') " +
        $"SELECT m.member_id FROM matched CROSS JOIN group_members AS m WHERE m.tenant_id = {SqlParameters.Tenant} AND m.group_id = matched.id AND m.member_type = 'User'";

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
        $"UNION SELECT m.member_id FROM matched CROSS JOIN group_members AS m WHERE m.tenant_id = {SqlParameters.Tenant} AND m.group_id = matched.id AND m.member_type = 'Group'), " +
        $"reached(user_id) AS (SELECT DISTINCT m.member_id FROM matched CROSS JOIN group_members AS m " +
        $"WHERE m.tenant_id = {SqlParameters.Tenant} AND m.group_id = matched.id AND m.member_type = 'User') ";

    // The walks name the CTE first and CROSS JOIN the table (UsersBelow says why): SQLite then goes
    // from the few groups reached to their rows by an index, instead of over every membership of
    // the tenant once per step, which made a member add on a group of 100,000 cost milliseconds of
    // CPU. PostgreSQL plans the join freely either way.
    private static string UpOneLevel =>
        $"SELECT m.group_id FROM above CROSS JOIN group_members AS m WHERE m.tenant_id = {SqlParameters.Tenant} AND m.member_id = above.id AND m.member_type = 'Group'";
}
