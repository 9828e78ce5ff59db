using Roster.Directory.Administration;
using Roster.Directory.Database;

namespace Roster.Directory.Roles;

/// <summary>Replaces a role's permissions with the given keys (plus those they imply: edit employees turns view on).</summary>
public sealed class SetRolePermissions(DirectoryDatabase database, TimeProvider time)
{
    public Task<AdminResult<Role>> ExecuteAsync(AdminActor actor, Guid roleId, IEnumerable<string> permissions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        var granted = RolePermissions.Parse(permissions);
        return !granted.IsSuccess
            ? Task.FromResult(AdminResult<Role>.Failure(granted.Error))
            : RoleUpdate.ApplyAsync(database, time, actor, roleId, (_, role) => RoleUpdate.Succeed(role with { Permissions = granted.Value }), cancellationToken);
    }
}
