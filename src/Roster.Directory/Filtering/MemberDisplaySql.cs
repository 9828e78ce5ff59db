namespace Roster.Directory.Filtering;

/// <summary>
/// The SQL for a member's <c>display</c>: a user's displayName, else its userName; a group's
/// displayName. Used by filters and by the member readers, so both agree.
/// </summary>
internal static class MemberDisplaySql
{
    public static string For(string memberAlias) =>
        $"(CASE {memberAlias}.member_type WHEN 'User' THEN " +
        $"(SELECT COALESCE(du.display_name, du.user_name) FROM users AS du WHERE du.tenant_id = {SqlParameters.Tenant} AND du.id = {memberAlias}.member_id) " +
        $"ELSE (SELECT dg.display_name FROM groups AS dg WHERE dg.tenant_id = {SqlParameters.Tenant} AND dg.id = {memberAlias}.member_id) END)";
}
