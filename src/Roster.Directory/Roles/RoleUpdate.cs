using System.Data.Common;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Sso;

namespace Roster.Directory.Roles;

/// <summary>
/// The common path of the role changes: read the role, apply the change, check that the actor
/// holds every permission the role grants before and after (<see cref="PrivilegeRules.ChangeRole"/>),
/// store it and audit <c>role.update</c> with what changed, in one transaction; one that would leave an SSO-only tenant without a standing
/// break-glass administrator is refused (<see cref="LastBreakGlass"/>). A change that
/// changes nothing writes nothing and no event. <c>stored</c>, when given, runs after the role is stored, in the
/// same transaction, with the role before and after and the time of the change.
/// </summary>
internal static class RoleUpdate
{
    public static Task<AdminResult<Role>> ApplyAsync(
        DirectoryDatabase database, TimeProvider time, AdminActor actor, Guid roleId,
        Func<SqlSession, Role, Task<AdminResult<Role>>> change, CancellationToken cancellationToken,
        Func<SqlSession, Role, Role, DateTimeOffset, Task>? stored = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return database.AdminWriteAsync<Role>(actor.TenantId, async session =>
        {
            var role = await RoleSql.ReadAsync(session, roleId, cancellationToken);
            if (role is null)
            {
                return RoleErrors.NotFound(roleId);
            }

            var changed = await change(session, role);
            if (!changed.IsSuccess)
            {
                return changed;
            }

            var changes = AuditChanges.Diff(RoleSql.ToAuditJson(role), RoleSql.ToAuditJson(changed.Value));
            if (changes.Count == 0)
            {
                return role;
            }

            if (PrivilegeRules.ChangeRole(actor.Permissions, role, changed.Value) is { } refused)
            {
                return AdminError.Forbidden(refused);
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var updated = changed.Value with { LastModified = now };
            var breakGlass = await LastBreakGlass.StandingAsync(session, cancellationToken);
            try
            {
                await RoleSql.UpdateAsync(session, updated, cancellationToken);
            }
            catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
            {
                return RoleErrors.NameTaken(updated.Name);
            }

            // Taking a permission from a role (or the role from use) takes it from everyone holding it, break-glass administrators too.
            var field = role.Permissions.SequenceEqual(updated.Permissions) ? null : "permissions";
            if (await LastBreakGlass.RefusalAsync(session, breakGlass, field, cancellationToken) is { } lockedOut)
            {
                return lockedOut;
            }

            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.RoleUpdate, AuditResourceTypes.Role, role.Id, changes), now, cancellationToken);
            if (stored is not null)
            {
                await stored(session, role, updated, now);
            }

            return updated;
        }, cancellationToken);
    }

    public static Task<AdminResult<Role>> Succeed(Role role) => Task.FromResult(AdminResult<Role>.Success(role));
}
