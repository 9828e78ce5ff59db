using Roster.Directory.Administration;
using Roster.Directory.Database;

namespace Roster.Directory.Roles;

/// <summary>One role of the tenant.</summary>
public sealed class GetRole(DirectoryDatabase database)
{
    public async Task<AdminResult<Role>> ExecuteAsync(Guid tenantId, Guid roleId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await RoleSql.ReadAsync(session, roleId, cancellationToken) is { } role ? role : RoleErrors.NotFound(roleId);
    }
}
