using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Directory.Sso;
using Roster.Directory.Users;

namespace Roster.Directory.Employees;

/// <summary>
/// Deletes an employee profile: the user, its email keys and memberships, as a SCIM DELETE
/// does. Refused while SCIM provisioning is on (<see cref="AdminErrorKind.ManagedByScim"/>), and
/// unless the administrator holds every permission the person holds, and while the tenant is SSO
/// only when it would leave no standing break-glass administrator (<see cref="LastBreakGlass"/>).
/// Audited as <c>employee.delete</c> with the profile as it was.
/// </summary>
public sealed class DeleteEmployee(DirectoryDatabase database, TimeProvider time)
{
    public Task<AdminResult<Employee>> ExecuteAsync(AdminActor actor, Guid employeeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return database.AdminWriteAsync<Employee>(actor.TenantId, async session =>
        {
            var row = await EmployeeSql.ReadAsync(session, employeeId, cancellationToken);
            var credentialOnly = row is not null && BillingJson.Parse(row.Billing).CredentialOnly;
            if (await ManualManagementLock.CheckAsync(session, actor, cancellationToken, credentialOnly) is { } locked)
            {
                return locked;
            }

            if (row is null)
            {
                return EmployeeErrors.NotFound(employeeId);
            }

            if (await PersonGovernance.CheckAsync(session, actor.Permissions, row.Id, row.Document, PrivilegeRules.Yours, cancellationToken) is { } refused)
            {
                return AdminError.Forbidden(refused);
            }

            var employee = EmployeeProjection.From(row, await RoleSql.ReadAllAsync(session, cancellationToken));
            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var breakGlass = await LastBreakGlass.StandingAsync(session, cancellationToken);
            await UserSql.DeleteAsync(session, row.Id, now, cancellationToken);
            if (await LastBreakGlass.RefusalAsync(session, breakGlass, null, cancellationToken) is { } lockedOut)
            {
                return lockedOut;
            }

            var entry = AuditEntry.For(actor, AuditActions.EmployeeDelete, AuditResourceTypes.Employee, row.Id, AuditChanges.Diff(EmployeeAudit.ToJson(employee), null));
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            return employee;
        }, cancellationToken);
    }
}
