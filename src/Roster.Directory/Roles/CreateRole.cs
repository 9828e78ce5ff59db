using System.Data.Common;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Roles;

/// <summary>
/// Creates an active role with a name unique in the tenant (case-sensitive) and its permissions,
/// each of which the actor must hold; audited as <c>role.create</c>.
/// </summary>
public sealed class CreateRole(DirectoryDatabase database, TimeProvider time)
{
    public async Task<AdminResult<Role>> ExecuteAsync(AdminActor actor, string name, IEnumerable<string> permissions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(permissions);
        var parsedName = RoleName.Parse(name);
        if (!parsedName.IsSuccess)
        {
            return parsedName.Error;
        }

        var granted = RolePermissions.Parse(permissions);
        if (!granted.IsSuccess)
        {
            return granted.Error;
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var role = new Role(Guid.CreateVersion7(now), parsedName.Value, true, granted.Value, now, now);
        if (PrivilegeRules.ChangeRole(actor.Permissions, null, role) is { } refused)
        {
            return AdminError.Forbidden(refused);
        }

        return await database.AdminWriteAsync<Role>(actor.TenantId, async session =>
        {
            try
            {
                await RoleSql.InsertAsync(session, role, cancellationToken);
            }
            catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
            {
                return RoleErrors.NameTaken(role.Name);
            }

            var entry = AuditEntry.For(actor, AuditActions.RoleCreate, AuditResourceTypes.Role, role.Id, AuditChanges.Diff(null, RoleSql.ToAuditJson(role)));
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            return role;
        }, cancellationToken);
    }
}
