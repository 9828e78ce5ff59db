using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.RoleRules;

/// <summary>
/// Adds a role rule and gives its role, in the same transaction, to everyone it matches: every
/// member (at any nesting depth) of the groups it names, or everyone whose <c>roles</c> carry its
/// value. Needs every permission of the role. Audited as <c>role_rule.create</c>, with one
/// <c>role.grants.change</c> per role moved.
/// </summary>
public sealed class CreateRoleRule(DirectoryDatabase database, TimeProvider time, FilterSqlTranslator translator)
{
    public Task<AdminResult<RoleRule>> ExecuteAsync(AdminActor actor, RoleRuleDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        return database.AdminWriteAsync<RoleRule>(actor.TenantId, async session =>
        {
            var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
            var rule = RoleRuleApplication.Check(draft, roles, null, now);
            if (!rule.IsSuccess)
            {
                return rule.Error;
            }

            var changes = await RoleRuleApplication.ApplyAsync(session, translator, actor, null, rule.Value, roles, now, cancellationToken);
            if (!changes.IsSuccess)
            {
                return changes.Error;
            }

            await RoleRuleApplication.AuditAsync(session, actor, AuditActions.RoleRuleCreate, null, rule.Value, changes.Value, now, cancellationToken);
            return rule;
        }, cancellationToken);
    }
}
