using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.RoleRules;

/// <summary>
/// Removes a role rule and every grant it gave, in one transaction. Needs every permission of its
/// role. Audited as <c>role_rule.delete</c>, with a <c>role.grants.change</c> for the role.
/// </summary>
public sealed class DeleteRoleRule(DirectoryDatabase database, TimeProvider time, FilterSqlTranslator translator)
{
    public Task<AdminResult<RoleRule>> ExecuteAsync(AdminActor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        return database.AdminWriteAsync<RoleRule>(actor.TenantId, async session =>
        {
            var before = await RoleRuleSql.ReadAsync(session, id, cancellationToken);
            if (before is null)
            {
                return RoleRuleErrors.NotFound(id);
            }

            var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
            var changes = await RoleRuleApplication.ApplyAsync(session, translator, actor, before, null, roles, now, cancellationToken);
            if (!changes.IsSuccess)
            {
                return changes.Error;
            }

            await RoleRuleApplication.AuditAsync(session, actor, AuditActions.RoleRuleDelete, before, null, changes.Value, now, cancellationToken);
            return before;
        }, cancellationToken);
    }
}
