using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Filtering;
using Roster.Directory.Roles;

namespace Roster.Directory.Onboarding;

/// <summary>
/// A tenant's administrators: active people holding the role <see cref="RoleName"/>, which
/// <c>roster init</c>, <c>roster serve</c> and the operator API create with every permission.
/// A setup link makes the first of them, and only while there is none.
/// </summary>
public static class TenantAdministrators
{
    public const string RoleName = "Administrator";

    /// <summary>True when an active (not invited, not deactivated) person holds the active Administrator role.</summary>
    internal static async Task<bool> ExistAsync(SqlSession session, CancellationToken cancellationToken)
    {
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        var found = await session.ScalarAsync(
            "SELECT 1 FROM role_grants AS g " +
            "JOIN roles AS r ON r.tenant_id = g.tenant_id AND r.id = g.role_id " +
            "JOIN users AS u ON u.tenant_id = g.tenant_id AND u.id = g.user_id " +
            $"WHERE g.tenant_id = {SqlParameters.Tenant} AND r.name = {parameters.Add(RoleName)} AND r.active = {dialect.BooleanLiteral(true)} " +
            $"AND u.status = {parameters.Add(EmployeeStatuses.Active)} AND (u.active IS NULL OR u.active <> {parameters.Add(dialect.BooleanValue(false))}) LIMIT 1",
            parameters, cancellationToken);
        return found is not null;
    }

    /// <summary>The id the Administrator role has, or will have once <see cref="EnsureRoleAsync"/> creates it.</summary>
    internal static async Task<Guid> RoleIdAsync(SqlSession session, CancellationToken cancellationToken) =>
        (await RoleSql.ReadAllAsync(session, cancellationToken)).FirstOrDefault(r => string.Equals(r.Name, RoleName, StringComparison.Ordinal))?.Id
        ?? Guid.CreateVersion7(session.Now);

    /// <summary>
    /// The tenant's Administrator role, created with every permission and the id <paramref name="id"/>
    /// when missing; refused when it is deactivated, grants less, or appeared meanwhile with another id.
    /// </summary>
    internal static async Task<AdminError?> EnsureRoleAsync(SqlSession session, AdminActor actor, Guid id, CancellationToken cancellationToken)
    {
        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        if (roles.FirstOrDefault(r => string.Equals(r.Name, RoleName, StringComparison.Ordinal)) is { } existing)
        {
            return existing.Active && existing.Id == id && Permission.All.All(p => existing.Permissions.Contains(p))
                ? null
                : AdminError.Conflict($"The role '{RoleName}' of this organization is deactivated or does not grant every permission; the operator can restore it with 'roster roles'.");
        }

        var role = new Role(id, RoleName, true, Permission.All, session.Now, session.Now);
        await RoleSql.InsertAsync(session, role, cancellationToken);
        var entry = AuditEntry.For(actor, AuditActions.RoleCreate, AuditResourceTypes.Role, role.Id, AuditChanges.Diff(null, RoleSql.ToAuditJson(role)));
        await AuditTrail.AppendAsync(session, entry, session.Now, cancellationToken);
        return null;
    }
}
