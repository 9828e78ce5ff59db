using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Roles;

namespace Roster.Directory.Provisioning;

/// <summary>
/// Saves a tenant's SCIM settings: enable or disable provisioning (enabling waits for "SSO only"
/// where the tenant's policy says so, <see cref="Sso.SsoSettings.ScimRequiresSsoOnly"/>), the default and required
/// roles (each must be an active role of the tenant whose every permission the actor holds, as
/// it is given to every user provisioned from then on), and the policies. Audited as
/// <c>scim.settings.update</c> with what changed; saving unchanged settings writes nothing.
/// </summary>
public sealed class UpdateScimSettings(DirectoryDatabase database, TimeProvider time, ScimSwitchCache switches)
{
    /// <summary>Ten years: longer-lived bearer secrets are not a policy anyone should be able to choose.</summary>
    public const int MaxTokenDays = 3650;

    public async Task<AdminResult<ScimSettings>> ExecuteAsync(AdminActor actor, ScimSettingsUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(update);
        var result = await WriteAsync(actor, update, cancellationToken);
        switches.Invalidate(actor.TenantId);
        return result;
    }

    private Task<AdminResult<ScimSettings>> WriteAsync(AdminActor actor, ScimSettingsUpdate update, CancellationToken cancellationToken)
    {
        if (update.TokenMaxDays is < 1 or > MaxTokenDays)
        {
            return Task.FromResult<AdminResult<ScimSettings>>(AdminError.Validation($"The longest SCIM token lifetime must be between 1 and {MaxTokenDays} days.") with { Field = "tokenMaxDays" });
        }

        return database.AdminWriteAsync<ScimSettings>(actor.TenantId, async session =>
        {
            var before = await ScimSettingsSql.ReadAsync(session, cancellationToken);
            if (update.Enabled && !before.Enabled && await Sso.SsoSettingsSql.ReadAsync(session, cancellationToken) is { ScimRequiresSsoOnly: true, SsoOnly: false })
            {
                return Sso.SsoErrors.ScimNeedsSsoOnly();
            }

            foreach (var (roleId, use, current, field) in new[] { (update.DefaultRoleId, "default role", before.DefaultRoleId, "defaultRoleId"), (update.RequiredRoleId, "required role", before.RequiredRoleId, "requiredRoleId") })
            {
                if (roleId is { } id)
                {
                    var role = await RoleSql.ReadAsync(session, id, cancellationToken);
                    if (role is null)
                    {
                        return AdminError.Validation($"The {use} {id} is not a role of this organization.") with { Field = field };
                    }

                    if (!role.Active)
                    {
                        return AdminError.Validation($"The role '{role.Name}' is deactivated and cannot be the {use}; activate it first.") with { Field = field };
                    }

                    // A default or required role is given to every user provisioned from then on.
                    if (id != current && PrivilegeRules.Grant(actor.Permissions, role, PrivilegeRules.Yours) is { } refused)
                    {
                        return AdminError.Forbidden(refused);
                    }
                }
            }

            var after = before with
            {
                Enabled = update.Enabled,
                DefaultRoleId = update.DefaultRoleId,
                RequiredRoleId = update.RequiredRoleId,
                UserNameMustBePrimaryEmail = update.UserNameMustBePrimaryEmail,
                NamesNotUpdatable = update.NamesNotUpdatable,
                EnforceVerifiedDomains = update.EnforceVerifiedDomains ?? before.EnforceVerifiedDomains,
                TokenMaxDays = update.TokenMaxDays ?? before.TokenMaxDays,
                UnknownRoles = update.UnknownRoles ?? before.UnknownRoles,
                ManualRoleGrants = update.ManualRoleGrants ?? before.ManualRoleGrants,
                NamesRequired = update.NamesRequired ?? before.NamesRequired,
                IdentifiersNotUpdatable = update.IdentifiersNotUpdatable ?? before.IdentifiersNotUpdatable,
                AdvertiseCursorPaging = update.AdvertiseCursorPaging ?? before.AdvertiseCursorPaging,
            };
            var changes = AuditChanges.Diff(ScimSettingsSql.ToAuditJson(before), ScimSettingsSql.ToAuditJson(after));
            if (changes.Count == 0)
            {
                return before;
            }

            await ScimSettingsSql.WriteAsync(session, after, cancellationToken);
            var entry = AuditEntry.For(actor, AuditActions.ScimSettingsUpdate, AuditResourceTypes.ScimSettings, actor.TenantId, changes);
            await AuditTrail.AppendAsync(session, entry, ScimDateTime.Truncate(time.GetUtcNow()), cancellationToken);
            return after;
        }, cancellationToken);
    }
}
