using Roster.Directory.Database;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// What a signed-in employee may do now: the profile and the permissions of its active roles,
/// computed as at sign-in. A session re-reads it on its requests, so that a deactivated or
/// locked profile, or a role that lost a permission, takes effect without waiting for the
/// session to expire. A profile that could not sign in now gets a failure with the reason.
/// </summary>
public sealed class ReadEmployeeAccess(DirectoryDatabase database)
{
    public async Task<SignInResult> ExecuteAsync(Guid tenantId, Guid employeeId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var row = await EmployeeSql.ReadAsync(session, employeeId, cancellationToken);
        if (row is null)
        {
            return SignInResult.Failure(SignInFailures.Generic);
        }

        var refusal = SignInEmployee.Refusal(row);
        if (refusal is not null)
        {
            return SignInResult.Failure(refusal);
        }

        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        var employee = EmployeeProjection.From(row, roles);
        var permissions = await RoleGrants.RoleGrantSql.PermissionsAsync(session, employeeId, cancellationToken);
        return SignInResult.Success(employee, permissions.Keys.ToHashSet(StringComparer.Ordinal));
    }
}
