using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;

namespace Roster.Directory.Sso;

/// <summary>
/// Saves a tenant's sign-in policy. "SSO only" needs an enabled connection; it cannot be turned off
/// while SCIM provisioning is on under the policy "SCIM requires SSO only", and that policy cannot
/// be set while SCIM is on without SSO only. While SSO only holds, at least one break-glass
/// administrator is named, so that an IdP outage cannot lock the organization out; one of them must stay standing
/// (<see cref="LastBreakGlass"/>: not deactivated, holding <c>security.login.manage</c>). Naming someone a break-glass administrator lets them
/// sign in with a password while others cannot, so it needs every permission they hold
/// (<see cref="PrivilegeRules.Govern"/>); taking them off the list needs nothing more. Audited as
/// <c>sso.settings.update</c> with what changed; saving unchanged settings writes nothing.
/// </summary>
public sealed class UpdateSsoSettings(DirectoryDatabase database, TimeProvider time)
{
    public const int MaxBreakGlass = 20;

    public async Task<AdminResult<SsoSettings>> ExecuteAsync(AdminActor actor, SsoSettingsUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(update);
        if (update.BreakGlass is { Count: > MaxBreakGlass })
        {
            return AdminError.Validation($"An organization names at most {MaxBreakGlass} break-glass administrators.") with { Field = "breakGlass" };
        }

        return await database.AdminWriteAsync<SsoSettings>(actor.TenantId, async session =>
        {
            var before = await SsoSettingsSql.ReadAsync(session, cancellationToken);
            var after = before with
            {
                SsoOnly = update.SsoOnly ?? before.SsoOnly,
                ScimRequiresSsoOnly = update.ScimRequiresSsoOnly ?? before.ScimRequiresSsoOnly,
                BreakGlass = update.BreakGlass is { } named ? [.. named.Distinct().Order()] : before.BreakGlass,
                AdministratorsNeedSecondFactor = update.AdministratorsNeedSecondFactor ?? before.AdministratorsNeedSecondFactor,
            };
            if (after.Equals(before))
            {
                return before;
            }

            var scim = await ScimSettingsSql.ReadAsync(session, cancellationToken);
            if (after.SsoOnly && !before.SsoOnly && !(await SsoConnectionSql.ReadAllAsync(session, cancellationToken)).Any(c => c.Enabled))
            {
                return SsoErrors.SsoOnlyNeedsConnection();
            }

            if (after.SsoOnly && after.BreakGlass.Count == 0)
            {
                return SsoErrors.SsoOnlyNeedsBreakGlass();
            }

            if (scim.Enabled && after.ScimRequiresSsoOnly && !after.SsoOnly)
            {
                return before.SsoOnly ? SsoErrors.SsoOnlyNeededByScim() : SsoErrors.PolicyNeedsSsoOnly();
            }

            foreach (var added in after.BreakGlass.Except(before.BreakGlass))
            {
                var row = await EmployeeSql.ReadAsync(session, added, cancellationToken);
                if (row is null)
                {
                    return AdminError.Validation($"There is no employee {added} in this organization to name a break-glass administrator.") with { Field = "breakGlass" };
                }

                var holds = await RoleGrantSql.PermissionsAsync(session, added, cancellationToken);
                if (PrivilegeRules.Govern(actor.Permissions, holds, EmployeeProjection.EmailOf(row.Document) ?? "this person", PrivilegeRules.Yours) is { } refused)
                {
                    return AdminError.Forbidden(refused);
                }
            }

            var breakGlass = await LastBreakGlass.StandingAsync(session, cancellationToken);
            await SsoSettingsSql.WriteAsync(session, after, cancellationToken);
            if (await LastBreakGlass.RefusalAsync(session, breakGlass, "breakGlass", cancellationToken) is { } lockedOut)
            {
                return lockedOut;
            }

            var entry = AuditEntry.For(actor, AuditActions.SsoSettingsUpdate, AuditResourceTypes.SsoSettings, actor.TenantId, AuditChanges.Diff(SsoSettingsSql.ToAuditJson(before), SsoSettingsSql.ToAuditJson(after)));
            await AuditTrail.AppendAsync(session, entry, ScimDateTime.Truncate(time.GetUtcNow()), cancellationToken);
            return after;
        }, cancellationToken);
    }
}
