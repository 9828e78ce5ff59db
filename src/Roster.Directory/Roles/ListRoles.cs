using Roster.Directory.Database;

namespace Roster.Directory.Roles;

/// <summary>Every role of the tenant, active or not, ordered by name (ordinal). Tenants have tens of roles, not thousands, so there is no paging.</summary>
public sealed class ListRoles(DirectoryDatabase database)
{
    public async Task<IReadOnlyList<Role>> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await RoleSql.ReadAllAsync(session, cancellationToken);
    }
}
