using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Provisioning;

namespace Roster.Directory.Roles;

/// <summary>
/// Deactivates a role: SCIM writes naming it are refused from then on. Roles are never deleted,
/// so audit events and documents naming them stay meaningful. The SCIM default or required
/// role cannot be deactivated: every provisioning would then fail; change the SCIM settings first.
/// </summary>
public sealed class DeactivateRole(DirectoryDatabase database, TimeProvider time)
{
    public Task<AdminResult<Role>> ExecuteAsync(AdminActor actor, Guid roleId, CancellationToken cancellationToken) =>
        RoleUpdate.ApplyAsync(database, time, actor, roleId, async (session, role) =>
        {
            var settings = await ScimSettingsSql.ReadAsync(session, cancellationToken);
            var use = settings.DefaultRoleId == role.Id ? "default role" : settings.RequiredRoleId == role.Id ? "required role" : null;
            if (use is not null && role.Active)
            {
                return AdminError.Conflict(
                    $"The role '{role.Name}' is the SCIM {use} of this organization and cannot be deactivated; choose another {use} in the SCIM settings first.");
            }

            return role with { Active = false };
        }, cancellationToken);
}
