using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Roles;

namespace Roster.Directory.Employees;

/// <summary>
/// The person's side of an unlock link: a valid, unexpired, unused token lifts the profile's
/// lock and the lock-out of the address that opened the link; the token is cleared, so the link
/// works once. The back-off history stays until the next successful sign-in, so a guesser gains
/// nothing from the person's unlocking. Audited as <c>employee.unlock</c>, credited to the profile itself.
/// </summary>
public sealed class UnlockByLink(DirectoryDatabase database)
{
    /// <summary>The audit log's client for unlocks by link.</summary>
    public const string Client = "unlock-link";

    public const string InvalidLink = "This unlock link is not valid, was already used or has expired; ask for a new one on the sign-in page.";

    public async Task<AdminResult<Employee>> ExecuteAsync(string token, string? address, CancellationToken cancellationToken)
    {
        if (UnlockTokens.TenantOf(token) is not { } tenant)
        {
            return AdminError.Validation(InvalidLink);
        }

        var hash = UnlockTokens.Hash(token);
        var from = string.IsNullOrWhiteSpace(address) ? SignInEmployee.UnknownAddress : address;
        return await database.AdminWriteAsync<Employee>(tenant, async session =>
        {
            if (await EmployeeSql.FindByUnlockAsync(session, hash, cancellationToken) is not { } found || found.Expires is not { } expires || session.Now >= expires)
            {
                return AdminError.Validation(InvalidLink);
            }

            var row = found.Row;
            var before = row.EffectiveStatus;
            await EmployeeSql.UpdateLockAsync(session, row.Id, 0, row.SignInLocks, null, null, cancellationToken);
            await SignInAddressSql.DeleteAsync(session, row.Id, from, cancellationToken);
            await EmployeeSql.UpdateUnlockAsync(session, row.Id, null, null, cancellationToken);
            var unlocked = row with { FailedSignIns = 0, LockedAt = null, LockedUntil = null };
            var changes = new JsonObject
            {
                ["status"] = new JsonObject { ["before"] = EmployeeStatuses.ToColumn(before), ["after"] = EmployeeStatuses.ToColumn(unlocked.EffectiveStatus) },
                ["address"] = from,
            };
            await AuditTrail.AppendAsync(session, new AuditEntry(row.Id, null, Client, AuditActions.EmployeeUnlock, AuditResourceTypes.Employee, row.Id, changes), session.Now, cancellationToken);
            return EmployeeProjection.From(unlocked, await RoleSql.ReadAllAsync(session, cancellationToken));
        }, cancellationToken);
    }
}
