using Roster.Directory.Administration;
using Roster.Directory.Database;

namespace Roster.Directory.Roles;

/// <summary>
/// Renames a role; the new name must be free in the tenant (case-sensitive). Users whose SCIM
/// <c>roles</c> name the old name keep it in their documents: the IdP's mapping must follow.
/// </summary>
public sealed class RenameRole(DirectoryDatabase database, TimeProvider time)
{
    public Task<AdminResult<Role>> ExecuteAsync(AdminActor actor, Guid roleId, string newName, CancellationToken cancellationToken)
    {
        var name = RoleName.Parse(newName);
        return !name.IsSuccess
            ? Task.FromResult(AdminResult<Role>.Failure(name.Error))
            : RoleUpdate.ApplyAsync(database, time, actor, roleId, (_, role) => RoleUpdate.Succeed(role with { Name = name.Value! }), cancellationToken);
    }
}
