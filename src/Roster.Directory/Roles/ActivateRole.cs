using Roster.Directory.Administration;
using Roster.Directory.Database;

namespace Roster.Directory.Roles;

/// <summary>Makes a deactivated role usable again (SCIM <c>roles</c> may name it again).</summary>
public sealed class ActivateRole(DirectoryDatabase database, TimeProvider time)
{
    public Task<AdminResult<Role>> ExecuteAsync(AdminActor actor, Guid roleId, CancellationToken cancellationToken) =>
        RoleUpdate.ApplyAsync(database, time, actor, roleId, (_, role) => RoleUpdate.Succeed(role with { Active = true }), cancellationToken);
}
