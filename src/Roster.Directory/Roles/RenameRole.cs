using Roster.Directory.Administration;
using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Roles;

/// <summary>
/// Renames a role; the new name must be free in the tenant (case-sensitive). Users whose SCIM
/// <c>roles[].value</c> is the old name exactly are renamed with it in the same transaction (a
/// new version and a <c>user.update</c> event each), so the <see cref="Provisioning.ProvisioningPolicy"/>
/// keeps accepting their updates; the IdP's mapping must still follow, or it sends the old name.
/// </summary>
public sealed class RenameRole(DirectoryDatabase database, TimeProvider time, FilterSqlTranslator translator)
{
    private readonly RoleHolders _holders = new(translator);

    public Task<AdminResult<Role>> ExecuteAsync(AdminActor actor, Guid roleId, string newName, CancellationToken cancellationToken)
    {
        var name = RoleName.Parse(newName);
        return !name.IsSuccess
            ? Task.FromResult(AdminResult<Role>.Failure(name.Error))
            : RoleUpdate.ApplyAsync(
                database, time, actor, roleId, (_, role) => RoleUpdate.Succeed(role with { Name = name.Value }), cancellationToken,
                (session, before, after, now) => before.Name == after.Name
                    ? Task.CompletedTask
                    : _holders.RenameAsync(session, actor, before.Name, after.Name, now, cancellationToken));
    }
}
