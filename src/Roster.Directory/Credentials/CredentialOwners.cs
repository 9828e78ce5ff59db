using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;

namespace Roster.Directory.Credentials;

/// <summary>The employee profile a credential belongs to, as credential use cases check it: status and permissions.</summary>
internal static class CredentialOwners
{
    /// <summary>The owner with the permissions its roles grant, or null when there is no such profile in the session's tenant.</summary>
    public static async Task<CredentialOwner?> ReadAsync(SqlSession session, Guid ownerId, CancellationToken cancellationToken)
    {
        var row = await EmployeeSql.ReadAsync(session, ownerId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        var employee = EmployeeProjection.From(row, roles);
        return new CredentialOwner(employee, await RoleGrantSql.PermissionsAsync(session, ownerId, cancellationToken));
    }
}

/// <summary>An owner of credentials and what its roles allow.</summary>
internal sealed record CredentialOwner(Employee Employee, PermissionSet Permissions)
{
    public bool IsDeactivated => Employee.Status == EmployeeStatus.Deactivated;

    public bool Grants(Permission permission) => Permissions.Holds(permission);

    /// <summary>
    /// Null when <paramref name="actor"/> may issue or reactivate <paramref name="credential"/>
    /// for this owner (it holds every permission the owner holds); else why not.
    /// </summary>
    public PrivilegeRefusal? RefuseIssue(PermissionSet actor, string credential) =>
        PrivilegeRules.Issue(actor, Permissions, credential, $"'{Employee.UserName}'");
}
