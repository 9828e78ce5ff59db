using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// Unblocks a profile locked by failed sign-ins: back to active (or invited, if it was never
/// activated) with the failure count cleared; audited as <c>employee.unlock</c>. The one manual
/// change allowed while SCIM provisioning is on, since the IdP has no way to do it. A profile
/// that is not locked is returned unchanged, with no event.
/// </summary>
public sealed class UnlockEmployee(DirectoryDatabase database, TimeProvider time)
{
    public Task<AdminResult<Employee>> ExecuteAsync(AdminActor actor, Guid employeeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return database.AdminWriteAsync<Employee>(actor.TenantId, async session =>
        {
            var row = await EmployeeSql.ReadAsync(session, employeeId, cancellationToken);
            if (row is null)
            {
                return EmployeeErrors.NotFound(employeeId);
            }

            var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
            var locked = row.Status == EmployeeStatuses.Locked;
            if (!locked && row.FailedSignIns == 0)
            {
                return EmployeeProjection.From(row, roles);
            }

            var status = !locked ? row.Status : row.PasswordHash is null ? EmployeeStatuses.Invited : EmployeeStatuses.Active;
            var now = ScimDateTime.Truncate(time.GetUtcNow());
            await EmployeeSql.UpdateSignInStateAsync(session, row.Id, status, 0, null, cancellationToken);
            var changes = new JsonObject { ["failedSignIns"] = new JsonObject { ["before"] = row.FailedSignIns, ["after"] = 0 } };
            if (locked)
            {
                changes["status"] = new JsonObject { ["before"] = row.Status, ["after"] = status };
            }

            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.EmployeeUnlock, AuditResourceTypes.Employee, row.Id, changes), now, cancellationToken);
            return EmployeeProjection.From(row with { Status = status, FailedSignIns = 0, LockedAt = null }, roles);
        }, cancellationToken);
    }
}
