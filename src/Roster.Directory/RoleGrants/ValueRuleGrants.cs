using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Provisioning;
using Roster.Directory.RoleRules;
using Roster.Directory.Users;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.RoleGrants;

/// <summary>
/// Keeps the grants of a value rule exact when the rule changes: its alias grants are replaced
/// set-based (one DELETE, and one INSERT over the users whose <c>roles</c> carry the value, found
/// by the same SQL as the filter <c>roles[value eq "..."]</c>), and the few people whose unknown
/// value had given them the default role (a fallback grant) are brought in line one by one.
/// </summary>
internal static class ValueRuleGrants
{
    /// <summary>After a value rule was created, changed (<paramref name="before"/> is its old form) or deleted (<paramref name="after"/> null).</summary>
    public static async Task<GrantChanges> RecomputeAsync(
        SqlSession session, FilterSqlTranslator translator, RoleRule? before, RoleRule? after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ruleId = (after ?? before)!.Id;
        var dialect = session.Dialect;
        var parameters = session.Parameters();
        var removed = await session.QueryAsync(
            $"DELETE FROM role_grants WHERE tenant_id = {SqlParameters.Tenant} AND rule_id = {parameters.Add(dialect.Key(ruleId))} RETURNING user_id, role_id",
            parameters, reader => (User: dialect.ReadKey(reader, 0), Role: dialect.ReadKey(reader, 1)), cancellationToken);
        session.NoteRowsChanged(RoleGrantSql.Table, removed.Count);

        var added = new List<(Guid User, Guid Role)>();
        if (after is not null)
        {
            parameters = session.Parameters();
            var carriers = CarriersCondition(translator, after.Value, parameters);
            var grant = new RoleGrant(after.RoleId, RoleGrantSource.Alias, after.Id, after.Value);
            var table = ResourceTable.Users;
            var gained = await session.QueryAsync(
                "INSERT INTO role_grants (tenant_id, user_id, role_id, grant_key, source, rule_id, value) " +
                $"SELECT {SqlParameters.Tenant}, {table.Alias}.id, {parameters.Add(dialect.Key(after.RoleId))}, {parameters.Add(grant.Key)}, " +
                $"{parameters.Add(RoleGrantSources.ToText(RoleGrantSource.Alias))}, {parameters.Add(dialect.Key(after.Id))}, {parameters.Add(after.Value)} " +
                $"FROM {table.Name} AS {table.Alias} WHERE {table.Alias}.tenant_id = {SqlParameters.Tenant} AND {carriers} ON CONFLICT DO NOTHING RETURNING user_id",
                parameters, reader => dialect.ReadKey(reader, 0), cancellationToken);
            session.NoteRowsChanged(RoleGrantSql.Table, gained.Count);
            added.AddRange(gained.Select(user => (user, after.RoleId)));
        }

        var changes = Net(removed, added);
        foreach (var rule in new[] { before, after }.OfType<RoleRule>())
        {
            changes.Merge(await ResyncFallbacksAsync(session, rule.Value, now, cancellationToken));
        }

        return changes;
    }

    /// <summary>The people whose fallback grant came from <paramref name="value"/>: their document grants are computed again.</summary>
    private static async Task<GrantChanges> ResyncFallbacksAsync(SqlSession session, string value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var users = await session.QueryAsync(
            $"SELECT DISTINCT user_id FROM role_grants WHERE tenant_id = {SqlParameters.Tenant} AND source = {parameters.Add(RoleGrantSources.ToText(RoleGrantSource.Fallback))} " +
            $"AND {dialect.Fold("value")} = {parameters.Add(CaseFolding.Fold(value))}",
            parameters, reader => dialect.ReadKey(reader, 0), cancellationToken);
        var changes = new GrantChanges();
        if (users.Count == 0)
        {
            return changes;
        }

        var policy = await ProvisioningPolicy.ReadForGrantsAsync(session, cancellationToken);
        foreach (var user in users)
        {
            if (await UserSql.ReadAsync(session, user, cancellationToken) is { } row)
            {
                changes.Merge(await DocumentGrants.SyncAsync(session, user, JsonNode.Parse(row.Document)!.AsObject(), policy, now, cancellationToken));
            }
        }

        return changes;
    }

    /// <summary>Users whose <c>roles</c> carry <paramref name="value"/>, as the filter <c>roles[value eq "..."]</c> finds them (ignoring case).</summary>
    private static string CarriersCondition(FilterSqlTranslator translator, string value, SqlParameters parameters)
    {
        var filter = FilterParser.Parse($"roles[value eq {JsonSerializer.Serialize(value)}]");
        var condition = translator.Translate(filter.GetValueOrThrow(), ResourceTable.Users, ScimResourceTypes.User, parameters);
        return condition.IsSuccess ? condition.Value : throw new InvalidOperationException($"The value rule's filter did not translate: {condition.Error.Detail}");
    }

    /// <summary>Removals and additions of the same grant cancel out: the person kept it.</summary>
    private static GrantChanges Net(IReadOnlyList<(Guid User, Guid Role)> removed, IReadOnlyList<(Guid User, Guid Role)> added)
    {
        var kept = removed.Intersect(added).ToHashSet();
        var changes = new GrantChanges();
        foreach (var byRole in removed.Where(r => !kept.Contains(r)).GroupBy(r => r.Role))
        {
            changes.Add(byRole.Key, gained: false, [.. byRole.Select(r => r.User)]);
        }

        foreach (var byRole in added.Where(a => !kept.Contains(a)).GroupBy(a => a.Role))
        {
            changes.Add(byRole.Key, gained: true, [.. byRole.Select(a => a.User)]);
        }

        return changes;
    }
}
