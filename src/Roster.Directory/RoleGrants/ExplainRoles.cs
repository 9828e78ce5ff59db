using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Filtering;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Directory.Users;

namespace Roster.Directory.RoleGrants;

/// <summary>
/// For one person, each role held and every reason for it (<see cref="RoleExplanation"/>): the
/// IdP's <c>roles</c> value, a value rule, group G through rule R with the nesting path, the
/// default, fallback or required role, or a manual grant. Read from the grants kept with every
/// change, plus one walk up the person's groups for the paths.
/// </summary>
public sealed class ExplainRoles(DirectoryDatabase database)
{
    public async Task<AdminResult<RoleExplanation>> ExecuteAsync(Guid tenantId, Guid employeeId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var row = await UserSql.ReadAsync(session, employeeId, cancellationToken);
        if (row is null)
        {
            return EmployeeErrors.NotFound(employeeId);
        }

        var grants = await RoleGrantSql.ReadAsync(session, employeeId, cancellationToken);
        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        var rules = await RoleRuleSql.ReadAllAsync(session, cancellationToken);
        var edges = grants.Any(g => g.Source == RoleGrantSource.Group) ? await EdgesAboveAsync(session, employeeId, cancellationToken) : [];
        var document = JsonNode.Parse(row.Document)!.AsObject();
        var ordered = EffectiveRoles.Ordered(grants, roles, rules, document);
        return new RoleExplanation(employeeId, [.. ordered.Select((role, index) => new HeldRole(
            role.Id,
            role.Name,
            role.Active,
            index == 0,
            [.. grants.Where(g => g.RoleId == role.Id).Select(g => Reason(g, role, rules, edges, employeeId))]))]);
    }

    private static GrantReason Reason(RoleGrant grant, Role role, IReadOnlyList<RoleRule> rules, IReadOnlyList<Edge> edges, Guid employeeId)
    {
        var rule = grant.RuleId is { } id ? rules.FirstOrDefault(r => r.Id == id) : null;
        var value = grant.Source == RoleGrantSource.Sent ? role.Name : grant.Value;
        var path = grant.Source == RoleGrantSource.Group && rule is not null ? PathTo(rule, edges, employeeId) : [];
        return new GrantReason(grant.Source, value, rule, path);
    }

    /// <summary>The shortest chain of groups from the person up to a group the rule names (breadth first over the membership edges).</summary>
    private static List<GroupStep> PathTo(RoleRule rule, IReadOnlyList<Edge> edges, Guid employeeId)
    {
        var previous = new Dictionary<Guid, Guid>();
        var queue = new Queue<Guid>([employeeId]);
        var seen = new HashSet<Guid> { employeeId };
        while (queue.Count > 0)
        {
            var member = queue.Dequeue();
            foreach (var edge in edges.Where(e => e.Member == member && seen.Add(e.Group.Id)))
            {
                previous[edge.Group.Id] = member;
                if (Names(rule, edge))
                {
                    var path = new List<GroupStep>();
                    for (var at = edge.Group.Id; at != employeeId; at = previous[at])
                    {
                        path.Insert(0, new GroupStep(at, edges.First(e => e.Group.Id == at).Group.DisplayName));
                    }

                    return path;
                }

                queue.Enqueue(edge.Group.Id);
            }
        }

        return [];
    }

    private static bool Names(RoleRule rule, Edge edge) => rule.Match switch
    {
        RuleMatch.GroupId => string.Equals(edge.Group.Id.ToString("D"), RoleRuleSql.MatchKey(rule.Match, rule.Value), StringComparison.Ordinal),
        RuleMatch.GroupExternalId => string.Equals(edge.ExternalId, rule.Value, StringComparison.Ordinal),
        RuleMatch.GroupDisplayName => string.Equals(edge.DisplayNameKey, RoleRuleSql.MatchKey(rule.Match, rule.Value), StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Every membership edge above the person: their groups, the groups those are in, and so on.</summary>
    private static async Task<List<Edge>> EdgesAboveAsync(SqlSession session, Guid employeeId, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var user = parameters.Add(dialect.Key(employeeId));
        return await session.QueryAsync(
            $"{GroupNesting.AboveUser(user)}SELECT m.member_id, g.id, g.display_name, g.display_name_key, g.external_id FROM group_members AS m " +
            $"JOIN groups AS g ON g.tenant_id = m.tenant_id AND g.id = m.group_id " +
            $"WHERE m.tenant_id = {SqlParameters.Tenant} AND (m.member_id = {user} OR m.member_id IN (SELECT id FROM above))",
            parameters,
            reader => new Edge(dialect.ReadKey(reader, 0), new GroupStep(dialect.ReadKey(reader, 1), reader.GetString(2)), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4)),
            cancellationToken);
    }

    private sealed record Edge(Guid Member, GroupStep Group, string DisplayNameKey, string? ExternalId);
}
