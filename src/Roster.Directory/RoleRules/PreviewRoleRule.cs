using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;

namespace Roster.Directory.RoleRules;

/// <summary>
/// "This change would give Agent to 1,204 people and take Admin from 3": runs the very statements
/// saving would run (<see cref="RoleRuleApplication"/>) in a transaction that is rolled back, so
/// the preview and the save cannot disagree. No rule id previews a new rule; no draft previews
/// deleting the rule.
/// </summary>
public sealed class PreviewRoleRule(DirectoryDatabase database, TimeProvider time, FilterSqlTranslator translator)
{
    public async Task<AdminResult<RulePreview>> ExecuteAsync(AdminActor actor, Guid? ruleId, RoleRuleDraft? draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = ScimDateTime.Truncate(time.GetUtcNow());

        // Never committed: disposing the session rolls every statement back.
        await using var session = await database.WriteAsync(actor.TenantId, cancellationToken);
        RoleRule? before = null;
        if (ruleId is { } id && (before = await RoleRuleSql.ReadAsync(session, id, cancellationToken)) is null)
        {
            return RoleRuleErrors.NotFound(id);
        }

        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        RoleRule? after = null;
        if (draft is not null)
        {
            var checkedRule = RoleRuleApplication.Check(draft, roles, before, now);
            if (!checkedRule.IsSuccess)
            {
                return checkedRule.Error;
            }

            after = checkedRule.Value;
        }

        if (before is null && after is null)
        {
            return new RulePreview([]);
        }

        var changes = await RoleRuleApplication.ApplyAsync(session, translator, actor, before, after, roles, now, cancellationToken);
        if (!changes.IsSuccess)
        {
            return changes.Error;
        }

        var people = await PeopleAsync(session, changes.Value, cancellationToken);
        return new RulePreview([.. changes.Value.Roles.Select(c => new RolePreview(
            c.RoleId,
            roles.FirstOrDefault(r => r.Id == c.RoleId)?.Name ?? c.RoleId.ToString(),
            c.GainedCount,
            [.. c.GainedSample.Select(p => new PersonReference(p, people.GetValueOrDefault(p, "")))],
            c.LostCount,
            [.. c.LostSample.Select(p => new PersonReference(p, people.GetValueOrDefault(p, "")))]))]);
    }

    private static async Task<Dictionary<Guid, string>> PeopleAsync(SqlSession session, GrantChanges changes, CancellationToken cancellationToken)
    {
        var ids = changes.Roles.SelectMany(c => c.GainedSample.Concat(c.LostSample)).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var list = string.Join(", ", ids.Select(id => parameters.Add(dialect.Key(id))));
        var rows = await session.QueryAsync(
            $"SELECT id, user_name FROM users WHERE tenant_id = {SqlParameters.Tenant} AND id IN ({list})",
            parameters, reader => (Id: dialect.ReadKey(reader, 0), Name: reader.GetString(1)), cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Name);
    }
}
