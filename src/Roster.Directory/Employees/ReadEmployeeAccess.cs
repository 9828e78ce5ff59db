using Roster.Directory.Database;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// What the employee of a console session may do now: the profile and the permissions of its
/// active roles. A session re-reads it on every request, in one read of the session's and the
/// profile's rows, so that a sign-out, a lock, a deactivation, a new password or a role that
/// lost a permission takes effect at once, on every node. A session that was ended, or a profile
/// that could not sign in now, gets a failure.
/// </summary>
public sealed class ReadEmployeeAccess(DirectoryDatabase database)
{
    public async Task<SignInResult> ExecuteAsync(Guid tenantId, Guid employeeId, Guid sessionId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var row = await EmployeeSql.ReadInSessionAsync(session, sessionId, employeeId, cancellationToken);
        if (row is null)
        {
            return SignInResult.Failure(SignInFailures.Generic);
        }

        var refusal = SignInEmployee.StatusRefusal(row);
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
