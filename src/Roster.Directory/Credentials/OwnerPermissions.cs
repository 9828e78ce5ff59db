using System.Collections.Concurrent;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Roles;

namespace Roster.Directory.Credentials;

/// <summary>
/// The permissions a credential's owner holds now, asked on every SCIM call and OAuth exchange.
/// They follow from the owner's roles (their user row) and the tenant's role definitions, so an
/// entry is kept with the owner's row version and the tenant's roles version
/// (<see cref="RoleSql.CountChangeAsync"/>) it was computed at, and used only while the caller's
/// own read of both (in the query that found the credential) still matches: a demotion, a role
/// change or a rename is seen by every node at its next request, and the usual request costs no
/// extra query.
/// </summary>
public sealed class OwnerPermissions(DirectoryDatabase database)
{
    /// <summary>Beyond this many owners the whole memory is dropped and refilled on demand.</summary>
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(Guid Tenant, Guid Owner), Entry> _entries = new();

    /// <summary>
    /// The owner's permissions as of <paramref name="ownerVersion"/> and <paramref name="rolesVersion"/>
    /// or later; <see cref="PermissionSet.None"/> when the owner no longer exists.
    /// </summary>
    public async ValueTask<PermissionSet> GetAsync(Guid tenantId, Guid ownerId, long ownerVersion, long rolesVersion, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue((tenantId, ownerId), out var kept) && kept.OwnerVersion == ownerVersion && kept.RolesVersion == rolesVersion)
        {
            return kept.Permissions;
        }

        await using var session = await database.ReadAsync(tenantId, cancellationToken);

        // The roles version is read before the roles: an entry may then be newer than its
        // version says (a harmless extra recomputation), never older.
        var rolesVersionRead = await RoleSql.VersionAsync(session, cancellationToken);
        var row = await EmployeeSql.ReadAsync(session, ownerId, cancellationToken);
        if (row is null)
        {
            return PermissionSet.None;
        }

        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        var permissions = PermissionSet.OfRoles(EmployeeProjection.RoleValues(row.Document), roles);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(tenantId, ownerId)] = new Entry(row.Version, rolesVersionRead, permissions);
        return permissions;
    }

    private sealed record Entry(long OwnerVersion, long RolesVersion, PermissionSet Permissions);
}
