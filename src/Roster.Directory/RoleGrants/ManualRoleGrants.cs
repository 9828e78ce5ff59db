using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Directory.Sso;

namespace Roster.Directory.RoleGrants;

/// <summary>
/// Roles an administrator grants by hand beside what the IdP sends, marked manual. While SCIM
/// provisioning is on the IdP owns people's roles, so a tenant must allow manual grants
/// (<see cref="ScimSettings.ManualRoleGrants"/>); the IdP's own grants are never edited by hand.
/// Granting or revoking needs every permission of the role and every permission the person holds
/// (<see cref="PrivilegeRules"/>); a revocation that would leave an SSO-only tenant
/// without a standing break-glass administrator is refused (<see cref="LastBreakGlass"/>). Audited as <c>role.grant.manual</c> / <c>role.revoke.manual</c>.
/// </summary>
public sealed class ManualRoleGrants(DirectoryDatabase database, TimeProvider time)
{
    public Task<AdminResult<bool>> GrantAsync(AdminActor actor, Guid employeeId, Guid roleId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, employeeId, roleId, grant: true, cancellationToken);

    public Task<AdminResult<bool>> RevokeAsync(AdminActor actor, Guid employeeId, Guid roleId, CancellationToken cancellationToken) =>
        ChangeAsync(actor, employeeId, roleId, grant: false, cancellationToken);

    private Task<AdminResult<bool>> ChangeAsync(AdminActor actor, Guid employeeId, Guid roleId, bool grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return database.AdminWriteAsync<bool>(actor.TenantId, async session =>
        {
            var settings = await ScimSettingsSql.ReadAsync(session, cancellationToken);
            if (settings.Enabled && !settings.ManualRoleGrants && !actor.ActsAsOperator)
            {
                return AdminError.ManagedByScim(
                    "While SCIM provisioning is on, roles come from your identity provider; allow manual role grants in the SCIM settings to grant roles here as well.");
            }

            var row = await EmployeeSql.ReadAsync(session, employeeId, cancellationToken);
            if (row is null)
            {
                return EmployeeErrors.NotFound(employeeId);
            }

            var role = await RoleSql.ReadAsync(session, roleId, cancellationToken);
            if (role is null)
            {
                return EmployeeErrors.UnknownRole(roleId);
            }

            if (grant && !role.Active)
            {
                return EmployeeErrors.InactiveRole(role.Name);
            }

            var refused = await PersonGovernance.CheckAsync(session, actor.Permissions, employeeId, row.Document, PrivilegeRules.Yours, cancellationToken)
                ?? PrivilegeRules.Grant(actor.Permissions, role, PrivilegeRules.Yours);
            if (refused is not null)
            {
                return AdminError.Forbidden(refused);
            }

            var manual = new RoleGrant(role.Id, RoleGrantSource.Manual);
            IReadOnlyList<(Guid Id, string Name)> breakGlass = grant ? [] : await LastBreakGlass.StandingAsync(session, cancellationToken);
            var changed = grant
                ? await RoleGrantSql.InsertAsync(session, employeeId, manual, cancellationToken)
                : await RoleGrantSql.DeleteAsync(session, employeeId, manual, cancellationToken);
            if (await LastBreakGlass.RefusalAsync(session, breakGlass, null, cancellationToken) is { } lockedOut)
            {
                return lockedOut;
            }

            if (changed)
            {
                var action = grant ? AuditActions.RoleGrantManual : AuditActions.RoleRevokeManual;
                var changes = new JsonObject { ["role"] = role.Name, ["roleId"] = role.Id.ToString() };
                await AuditTrail.AppendAsync(session, AuditEntry.For(actor, action, AuditResourceTypes.Employee, employeeId, changes), ScimDateTime.Truncate(time.GetUtcNow()), cancellationToken);
            }

            return changed;
        }, cancellationToken);
    }
}
