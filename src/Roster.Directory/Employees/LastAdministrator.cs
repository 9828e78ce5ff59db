using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// Whether a profile is the tenant's last active holder of every permission of
/// <see cref="Permission.All"/> (through the active roles it is granted, <see cref="RoleGrants.RoleGrantSql.PermissionsAsync"/>):
/// locking it would leave nobody to administer the tenant, or to unlock anyone.
/// </summary>
internal static class LastAdministrator
{
    public static async Task<bool> IsAsync(SqlSession session, EmployeeRow row, CancellationToken cancellationToken)
    {
        if (!await HoldsEverythingAsync(session, row, cancellationToken))
        {
            return false;
        }

        // Only profiles that can sign in now count: active, with a password, not locked. Few in any tenant.
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var others = await EmployeeSql.QueryAsync(
            session,
            $"u.tenant_id = {SqlParameters.Tenant} AND u.id <> {parameters.Add(dialect.Key(row.Id))} AND u.password_hash IS NOT NULL " +
            $"AND u.status = {parameters.Add(EmployeeStatuses.Active)} AND (u.active IS NULL OR u.active <> {parameters.Add(dialect.BooleanValue(false))}) " +
            $"AND (u.locked_until IS NULL OR u.locked_until <= {parameters.Add(dialect.Timestamp(session.Now))})",
            parameters,
            cancellationToken);
        foreach (var other in others)
        {
            if (await HoldsEverythingAsync(session, other, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> HoldsEverythingAsync(SqlSession session, EmployeeRow row, CancellationToken cancellationToken)
    {
        var permissions = await RoleGrants.RoleGrantSql.PermissionsAsync(session, row.Id, cancellationToken);
        return Permission.All.All(permissions.Holds);
    }
}
