using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;

namespace Roster.Directory.SecondFactors;

/// <summary>
/// Removes a person's authenticator app and recovery codes, so that they set up a new one. The
/// person themselves may, unless the tenant's policy requires one of them; someone else needs
/// <c>employees.edit</c> (the caller checks it) and every permission the person holds
/// (<see cref="PrivilegeRules.Govern"/>): whoever resets a factor can take over the account by
/// its password, so only someone who could already do everything that person can may. Audited
/// as <c>second_factor.reset</c>; resetting someone without a factor changes and records nothing.
/// </summary>
public sealed class ResetSecondFactor(DirectoryDatabase database)
{
    public async Task<AdminResult<bool>> ExecuteAsync(AdminActor actor, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return await database.AdminWriteAsync<bool>(actor.TenantId, async session =>
        {
            if (await EmployeeSql.ReadAsync(session, userId, cancellationToken) is not { } row)
            {
                return EmployeeErrors.NotFound(userId);
            }

            var held = await RoleGrantSql.PermissionsAsync(session, userId, cancellationToken);
            if (actor.ProfileId == userId)
            {
                if (SecondFactorPolicy.IsAdministrator(held) && (await Sso.SsoSettingsSql.ReadAsync(session, cancellationToken)).AdministratorsNeedSecondFactor)
                {
                    return AdminError.Conflict("Your organization requires a second factor of administrators: ask another administrator to reset yours.");
                }
            }
            else if (PrivilegeRules.Govern(actor.Permissions, held, EmployeeProjection.EmailOf(row.Document) ?? "this person", PrivilegeRules.Yours) is { } refused)
            {
                return AdminError.Forbidden(refused);
            }

            if (!await SecondFactorSql.DeleteAsync(session, userId, cancellationToken))
            {
                return false;
            }

            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, SecondFactorAudit.Reset, AuditResourceTypes.Employee, userId, new JsonObject { ["method"] = "totp" }), session.Now, cancellationToken);
            return true;
        }, cancellationToken);
    }
}
