using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.RoleRules;

/// <summary>The statements on <c>role_rules</c>, and how a rule's groups are found in SQL.</summary>
internal static class RoleRuleSql
{
    private const string Columns = "r.id, r.match, r.value, r.role_id, r.priority, r.created, r.last_modified";

    /// <summary>Every rule of the tenant, in priority order.</summary>
    public static Task<List<RoleRule>> ReadAllAsync(SqlSession session, CancellationToken cancellationToken) =>
        QueryAsync(session, $"r.tenant_id = {SqlParameters.Tenant}", session.Parameters(), cancellationToken);

    public static async Task<RoleRule?> ReadAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var rows = await QueryAsync(session, $"r.tenant_id = {SqlParameters.Tenant} AND r.id = {parameters.Add(session.Dialect.Key(id))}", parameters, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Whether the tenant has a group with this id: a rule by id names a group that exists.</summary>
    public static async Task<bool> GroupExistsAsync(SqlSession session, Guid groupId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var found = await session.ScalarAsync(
            $"SELECT 1 FROM groups WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(groupId))}", parameters, cancellationToken);
        return found is not null and not DBNull;
    }

    /// <summary>The rules that map <c>roles</c> values, for a user write.</summary>
    public static Task<List<RoleRule>> ReadValueRulesAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return QueryAsync(session, $"r.tenant_id = {SqlParameters.Tenant} AND r.match = {parameters.Add(RuleMatches.RoleValue)}", parameters, cancellationToken);
    }

    /// <summary>
    /// The group rules that match <paramref name="groupId"/> or any group it is nested in: the
    /// rules whose grants a change of this group's members can move. One statement: the walk up
    /// the nesting and the match of each group against the rules.
    /// </summary>
    public static async Task<List<RoleRule>> ReadGroupRulesAboveAsync(SqlSession session, Guid groupId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var rules = new List<RoleRule>();
        await session.QueryTogetherAsync(parameters, cancellationToken, GroupRulesAbove(parameters, session.Dialect, parameters.Add(session.Dialect.Key(groupId)), rules));
        return rules;
    }

    /// <summary>
    /// The statement of <see cref="ReadGroupRulesAboveAsync"/> for the group <paramref name="group"/> (a
    /// parameter), adding the rules it reads to <paramref name="into"/>: to be sent with others.
    /// </summary>
    public static SqlRead GroupRulesAbove(SqlParameters parameters, ISqlDialect dialect, string group, List<RoleRule> into)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(into);
        var t = SqlParameters.Tenant;
        var (byId, byExternalId, byName) = (parameters.Add(RuleMatches.GroupId), parameters.Add(RuleMatches.GroupExternalId), parameters.Add(RuleMatches.GroupDisplayName));
        var condition =
            $"r.tenant_id = {t} AND r.id IN (SELECT r2.id FROM role_rules AS r2 JOIN groups AS g ON g.tenant_id = r2.tenant_id " +
            $"WHERE r2.tenant_id = {t} AND g.id IN (SELECT id FROM above) AND " +
            $"((r2.match = {byId} AND r2.match_key = {dialect.KeyText("g.id")}) OR (r2.match = {byExternalId} AND r2.match_key = g.external_id) " +
            $"OR (r2.match = {byName} AND r2.match_key = g.display_name_key)))";
        return new SqlRead(Select(condition, RoleGrants.GroupNesting.AboveGroup(group)), reader => into.Add(Read(reader, dialect)));
    }

    /// <summary>
    /// The group rules that name <paramref name="groupId"/> by its id or by any of <paramref name="identities"/> (its
    /// externalId or display name): the rules a new, renamed or deleted group can start or stop matching.
    /// </summary>
    public static Task<List<RoleRule>> ReadGroupRulesNamingAsync(SqlSession session, Guid groupId, IEnumerable<Groups.GroupIdentity> identities, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var terms = new List<string> { $"(r.match = {parameters.Add(RuleMatches.GroupId)} AND r.match_key = {parameters.Add(groupId.ToString("D"))})" };
        foreach (var identity in identities)
        {
            terms.Add($"(r.match = {parameters.Add(RuleMatches.GroupDisplayName)} AND r.match_key = {parameters.Add(identity.DisplayNameKey)})");
            if (identity.ExternalId is { } externalId)
            {
                terms.Add($"(r.match = {parameters.Add(RuleMatches.GroupExternalId)} AND r.match_key = {parameters.Add(externalId)})");
            }
        }

        return QueryAsync(session, $"r.tenant_id = {SqlParameters.Tenant} AND ({string.Join(" OR ", terms)})", parameters, cancellationToken);
    }

    /// <summary>A condition on groups alias <paramref name="alias"/> that selects the groups <paramref name="rule"/> names.</summary>
    public static string GroupCondition(RoleRule rule, string alias, SqlParameters parameters, ISqlDialect dialect) => rule.Match switch
    {
        RuleMatch.GroupId => Guid.TryParse(rule.Value, out var id) ? $"{alias}.id = {parameters.Add(dialect.Key(id))}" : "1 = 0",
        RuleMatch.GroupExternalId => $"{alias}.external_id = {parameters.Add(rule.Value)}",
        RuleMatch.GroupDisplayName => $"{alias}.display_name_key = {parameters.Add(CaseFolding.Fold(rule.Value))}",
        _ => "1 = 0",
    };

    /// <summary>
    /// What a rule compares: a display name or a <c>roles</c> value folded as SCIM folds it (neither
    /// is case-exact in RFC 7643), an id in its canonical form, else the value as entered.
    /// </summary>
    public static string MatchKey(RuleMatch match, string value) => match switch
    {
        RuleMatch.GroupDisplayName or RuleMatch.RoleValue => CaseFolding.Fold(value),
        RuleMatch.GroupId => Guid.TryParse(value, out var id) ? id.ToString("D") : value,
        _ => value,
    };

    public static Task InsertAsync(SqlSession session, RoleRule rule, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            "INSERT INTO role_rules (tenant_id, id, match, value, match_key, role_id, priority, created, last_modified) " +
            $"VALUES ({SqlParameters.Tenant}, {parameters.Add(dialect.Key(rule.Id))}, {parameters.Add(RuleMatches.ToText(rule.Match))}, {parameters.Add(rule.Value)}, " +
            $"{parameters.Add(MatchKey(rule.Match, rule.Value))}, {parameters.Add(dialect.Key(rule.RoleId))}, {parameters.Add(rule.Priority)}, " +
            $"{parameters.Add(dialect.Timestamp(rule.Created))}, {parameters.Add(dialect.Timestamp(rule.LastModified))})",
            parameters, cancellationToken);
    }

    public static Task UpdateAsync(SqlSession session, RoleRule rule, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return session.ExecuteAsync(
            $"UPDATE role_rules SET match = {parameters.Add(RuleMatches.ToText(rule.Match))}, value = {parameters.Add(rule.Value)}, " +
            $"match_key = {parameters.Add(MatchKey(rule.Match, rule.Value))}, role_id = {parameters.Add(dialect.Key(rule.RoleId))}, priority = {parameters.Add(rule.Priority)}, " +
            $"last_modified = {parameters.Add(dialect.Timestamp(rule.LastModified))} WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(dialect.Key(rule.Id))}",
            parameters, cancellationToken);
    }

    public static Task DeleteAsync(SqlSession session, Guid id, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        return session.ExecuteAsync(
            $"DELETE FROM role_rules WHERE tenant_id = {SqlParameters.Tenant} AND id = {parameters.Add(session.Dialect.Key(id))}", parameters, cancellationToken);
    }

    public static async Task<int> CountAsync(SqlSession session, CancellationToken cancellationToken) =>
        Convert.ToInt32(await session.ScalarAsync($"SELECT COUNT(*) FROM role_rules WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>The rule as the audit log shows it.</summary>
    public static JsonObject ToAuditJson(RoleRule rule) => new()
    {
        ["match"] = RuleMatches.ToText(rule.Match),
        ["value"] = rule.Value,
        ["roleId"] = rule.RoleId.ToString(),
        ["priority"] = rule.Priority,
    };

    private static Task<List<RoleRule>> QueryAsync(SqlSession session, string condition, SqlParameters parameters, CancellationToken cancellationToken, string? with = null)
    {
        var dialect = session.Dialect;
        return session.QueryAsync(Select(condition, with), parameters, reader => Read(reader, dialect), cancellationToken);
    }

    private static string Select(string condition, string? with) =>
        $"{with}SELECT {Columns} FROM role_rules AS r WHERE {condition} ORDER BY r.priority, r.created, r.id";

    private static RoleRule Read(DbDataReader reader, ISqlDialect dialect) => new(
        dialect.ReadKey(reader, 0),
        RuleMatches.Parse(reader.GetString(1)) ?? RuleMatch.GroupId,
        reader.GetString(2),
        dialect.ReadKey(reader, 3),
        reader.GetInt32(4),
        dialect.ReadTimestamp(reader, 5),
        dialect.ReadTimestamp(reader, 6));
}
