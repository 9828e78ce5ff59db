using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.RoleRules;

namespace Roster.Directory.RoleGrants;

/// <summary>
/// Keeps the grants of group rules exact in the transaction of each change that moves them. A
/// user added to or removed from a group costs a look-up of the rules above that group and one
/// statement per rule and member; anything that can move many people at once (a group nested or
/// un-nested, a group's members replaced, a group renamed or deleted, a rule changed) replaces
/// the rule's grants set-based: one DELETE and one INSERT over the rule's groups and everything
/// nested in them, never a loop over people.
/// </summary>
internal static class GroupRuleGrants
{
    /// <summary>After the members of <paramref name="groupId"/> changed as <paramref name="diff"/> says.</summary>
    public static async Task<GrantChanges> AfterMembershipAsync(SqlSession session, Guid groupId, MembershipDiff diff, CancellationToken cancellationToken, List<RoleRule>? rulesAbove = null)
    {
        var changes = new GrantChanges();
        if (diff.IsEmpty)
        {
            return changes;
        }

        var rules = rulesAbove ?? await RoleRuleSql.ReadGroupRulesAboveAsync(session, groupId, cancellationToken);
        if (rules.Count == 0)
        {
            return changes;
        }

        // A nested group brings or takes all of its people: recompute those rules whole. Whether one
        // was among the members comes from the membership statements themselves (no query of its own).
        if (diff.RemovedAll is > 0 || diff.MovedGroups)
        {
            return await RecomputeAsync(session, rules, cancellationToken);
        }

        foreach (var user in diff.Added)
        {
            foreach (var rule in rules)
            {
                if (await RoleGrantSql.InsertAsync(session, user, Grant(rule), cancellationToken))
                {
                    changes.Gained(rule.RoleId, user);
                }
            }
        }

        foreach (var user in diff.Removed)
        {
            foreach (var rule in rules)
            {
                if (await DeleteUnlessReachedAsync(session, user, rule, cancellationToken))
                {
                    changes.Lost(rule.RoleId, user);
                }
            }
        }

        return changes;
    }

    /// <summary>Replaces the grants of each of <paramref name="rules"/> with what the groups give now.</summary>
    public static async Task<GrantChanges> RecomputeAsync(SqlSession session, IEnumerable<RoleRule> rules, CancellationToken cancellationToken)
    {
        var changes = new GrantChanges();
        foreach (var rule in rules.Where(r => r.IsGroupRule))
        {
            changes.Merge(await RecomputeAsync(session, rule, cancellationToken));
        }

        return changes;
    }

    /// <summary>Removes every grant of a rule being deleted.</summary>
    public static async Task<GrantChanges> RemoveAsync(SqlSession session, RoleRule rule, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var lost = await session.QueryAsync(
            $"DELETE FROM role_grants WHERE tenant_id = {SqlParameters.Tenant} AND rule_id = {parameters.Add(dialect.Key(rule.Id))} RETURNING user_id, role_id",
            parameters, reader => (User: dialect.ReadKey(reader, 0), Role: dialect.ReadKey(reader, 1)), cancellationToken);
        session.NoteRowsChanged(RoleGrantSql.Table, lost.Count);
        var changes = new GrantChanges();
        foreach (var byRole in lost.GroupBy(l => l.Role))
        {
            changes.Add(byRole.Key, gained: false, [.. byRole.Select(l => l.User)]);
        }

        return changes;
    }

    private static async Task<GrantChanges> RecomputeAsync(SqlSession session, RoleRule rule, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var changes = new GrantChanges();

        // Grants to people the rule's groups no longer reach.
        var parameters = session.Parameters();
        var below = GroupNesting.Below(RoleRuleSql.GroupCondition(rule, "g", parameters, dialect));
        var ruleId = parameters.Add(dialect.Key(rule.Id));
        var lost = await session.QueryAsync(
            $"{below}DELETE FROM role_grants WHERE tenant_id = {SqlParameters.Tenant} AND rule_id = {ruleId} " +
            "AND user_id NOT IN (SELECT user_id FROM reached) RETURNING user_id, role_id",
            parameters, reader => (User: dialect.ReadKey(reader, 0), Role: dialect.ReadKey(reader, 1)), cancellationToken);
        session.NoteRowsChanged(RoleGrantSql.Table, lost.Count);
        foreach (var byRole in lost.GroupBy(l => l.Role))
        {
            changes.Add(byRole.Key, gained: false, [.. byRole.Select(l => l.User)]);
        }

        // The rule now gives another role: its grants move in place.
        changes.Merge(await MoveAsync(session, rule, cancellationToken));

        parameters = session.Parameters();
        below = GroupNesting.Below(RoleRuleSql.GroupCondition(rule, "g", parameters, dialect));
        var grant = Grant(rule);
        var gained = await session.QueryAsync(
            $"{below}INSERT INTO role_grants (tenant_id, user_id, role_id, grant_key, source, rule_id, value) " +
            $"SELECT {SqlParameters.Tenant}, reached.user_id, {parameters.Add(dialect.Key(rule.RoleId))}, {parameters.Add(grant.Key)}, " +
            $"{parameters.Add(RoleGrantSources.ToText(RoleGrantSource.Group))}, {parameters.Add(dialect.Key(rule.Id))}, NULL FROM reached WHERE 1 = 1 " +
            "ON CONFLICT DO NOTHING RETURNING user_id",
            parameters, reader => dialect.ReadKey(reader, 0), cancellationToken);
        session.NoteRowsChanged(RoleGrantSql.Table, gained.Count);
        changes.Add(rule.RoleId, gained: true, gained);
        return changes;
    }

    /// <summary>
    /// Gives the rule's grants of another role the rule's role, as one UPDATE: a rule moved to
    /// another role over 100,000 people rewrote every row (a delete and an insert, with the
    /// foreign keys of users and rules checked again for each); an update of <c>role_id</c> checks
    /// only the role's. A rule's grants all hold the role it gave; were they ever to hold several,
    /// the others are deleted and given again by the insert that follows.
    /// </summary>
    private static async Task<GrantChanges> MoveAsync(SqlSession session, RoleRule rule, CancellationToken cancellationToken)
    {
        var dialect = session.Dialect;
        var changes = new GrantChanges();
        var parameters = session.Parameters();
        var ruleId = parameters.Add(dialect.Key(rule.Id));
        var role = parameters.Add(dialect.Key(rule.RoleId));
        var others = await session.QueryAsync(
            $"SELECT DISTINCT role_id FROM role_grants WHERE tenant_id = {SqlParameters.Tenant} AND rule_id = {ruleId} AND role_id <> {role}",
            parameters, reader => dialect.ReadKey(reader, 0), cancellationToken);
        if (others.Count == 0)
        {
            return changes;
        }

        if (others.Count > 1)
        {
            var removed = await session.QueryAsync(
                $"DELETE FROM role_grants WHERE tenant_id = {SqlParameters.Tenant} AND rule_id = {ruleId} AND role_id <> {role} RETURNING user_id, role_id",
                parameters, reader => (User: dialect.ReadKey(reader, 0), Role: dialect.ReadKey(reader, 1)), cancellationToken);
            session.NoteRowsChanged(RoleGrantSql.Table, removed.Count);
            foreach (var byRole in removed.GroupBy(l => l.Role))
            {
                changes.Add(byRole.Key, gained: false, [.. byRole.Select(l => l.User)]);
            }

            return changes;
        }

        var moved = await session.QueryAsync(
            $"UPDATE role_grants SET role_id = {role} WHERE tenant_id = {SqlParameters.Tenant} AND rule_id = {ruleId} AND role_id <> {role} RETURNING user_id",
            parameters, reader => dialect.ReadKey(reader, 0), cancellationToken);
        session.NoteRowsChanged(RoleGrantSql.Table, moved.Count);
        changes.Add(others[0], gained: false, moved);
        changes.Add(rule.RoleId, gained: true, moved);
        return changes;
    }

    private static RoleGrant Grant(RoleRule rule) => new(rule.RoleId, RoleGrantSource.Group, rule.Id);

    /// <summary>
    /// Removes <paramref name="rule"/>'s grant from a user who left one of the rule's groups, unless
    /// another group still gives it (the user is in a group the rule names, directly or through
    /// nesting): the check and the removal in one statement, so one round trip. False when nothing
    /// was removed.
    /// </summary>
    private static async Task<bool> DeleteUnlessReachedAsync(SqlSession session, Guid userId, RoleRule rule, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var user = parameters.Add(dialect.Key(userId));
        var grant = Grant(rule);
        var t = SqlParameters.Tenant;
        return await session.ExecuteAsync(
            $"{GroupNesting.AboveUser(user)}DELETE FROM role_grants WHERE tenant_id = {t} AND user_id = {user} " +
            $"AND role_id = {parameters.Add(dialect.Key(grant.RoleId))} AND grant_key = {parameters.Add(grant.Key)} " +
            $"AND NOT EXISTS (SELECT 1 FROM groups AS g WHERE g.tenant_id = {t} AND g.id IN (SELECT id FROM above) AND {RoleRuleSql.GroupCondition(rule, "g", parameters, dialect)})",
            parameters, cancellationToken) > 0;
    }
}
