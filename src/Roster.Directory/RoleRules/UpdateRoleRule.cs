using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.RoleRules;

/// <summary>
/// Changes a role rule (what it matches, the role it gives, its priority) and moves the grants
/// set-based in the same transaction. Needs every permission of the old role and of the new one.
/// Audited as <c>role_rule.update</c>, with one <c>role.grants.change</c> per role moved.
/// </summary>
public sealed class UpdateRoleRule(DirectoryDatabase database, TimeProvider time, FilterSqlTranslator translator)
{
    public Task<AdminResult<RoleRule>> ExecuteAsync(AdminActor actor, Guid id, RoleRuleDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        return database.AdminWriteAsync<RoleRule>(actor.TenantId, async session =>
        {
            var before = await RoleRuleSql.ReadAsync(session, id, cancellationToken);
            if (before is null)
            {
                return RoleRuleErrors.NotFound(id);
            }

            var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
            var after = RoleRuleApplication.Check(draft, roles, before, now);
            if (!after.IsSuccess)
            {
                return after.Error;
            }

            if (after.Value with { LastModified = before.LastModified } == before)
            {
                return before;
            }

            var changes = await RoleRuleApplication.ApplyAsync(session, translator, actor, before, after.Value, roles, now, cancellationToken);
            if (!changes.IsSuccess)
            {
                return changes.Error;
            }

            await RoleRuleApplication.AuditAsync(session, actor, AuditActions.RoleRuleUpdate, before, after.Value, changes.Value, now, cancellationToken);
            return after;
        }, cancellationToken);
    }
}
