using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// An administrator unlocks a profile by hand: the lock, the failure count, the back-off and
/// every address locked out of it are forgotten, and an unlock link sent meanwhile stops
/// working; audited as <c>employee.unlock</c>. The one manual change allowed while SCIM
/// provisioning is on, since the IdP has no way to do it. A profile with nothing to forget is
/// returned unchanged, with no event. (The person can also unlock themselves: <see cref="UnlockByLink"/>.)
/// </summary>
public sealed class UnlockEmployee(DirectoryDatabase database)
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
            var lockedAddresses = await SignInAddressSql.DeleteAllAsync(session, row.Id, cancellationToken);
            if (!row.IsLocked && row.FailedSignIns == 0 && row.SignInLocks == 0 && lockedAddresses == 0)
            {
                return EmployeeProjection.From(row, roles);
            }

            var before = row.EffectiveStatus;
            await EmployeeSql.UpdateLockAsync(session, row.Id, 0, 0, null, null, cancellationToken);
            await EmployeeSql.UpdateUnlockAsync(session, row.Id, null, null, cancellationToken);
            var unlocked = row with { FailedSignIns = 0, SignInLocks = 0, LockedAt = null, LockedUntil = null };
            var changes = new JsonObject
            {
                ["failedSignIns"] = new JsonObject { ["before"] = row.FailedSignIns, ["after"] = 0 },
                ["lockedAddresses"] = lockedAddresses,
            };
            if (before != unlocked.EffectiveStatus)
            {
                changes["status"] = new JsonObject { ["before"] = EmployeeStatuses.ToColumn(before), ["after"] = EmployeeStatuses.ToColumn(unlocked.EffectiveStatus) };
            }

            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.EmployeeUnlock, AuditResourceTypes.Employee, row.Id, changes), session.Now, cancellationToken);
            return EmployeeProjection.From(unlocked, roles);
        }, cancellationToken);
    }
}
