using Roster.Directory.Provisioning;

namespace Roster.Server.Admin.Provisioning;

/// <summary>
/// The SCIM settings page (MoEngage "Security > Login"): the switch, the status ("inactive" until
/// the first authenticated SCIM call, then "active" with the last call and its client), the base
/// connector URL to copy, the roles and the policies.
/// </summary>
public sealed record ScimSettingsDocument(
    bool Enabled,
    string Status,
    DateTimeOffset? LastCallAt,
    string? LastClient,
    string BaseConnectorUrl,
    Guid? DefaultRoleId,
    Guid? RequiredRoleId,
    bool UserNameMustBePrimaryEmail,
    bool NamesNotUpdatable,
    bool EnforceVerifiedDomains,
    int TokenMaxDays,
    string UnknownRoles,
    bool ManualRoleGrants,
    bool NamesRequired,
    bool IdentifiersNotUpdatable,
    bool AdvertiseCursorPaging)
{
    public static ScimSettingsDocument From(ScimSettings settings, string baseConnectorUrl)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(
            settings.Enabled,
            settings.Status == ScimProvisioningStatus.Active ? "active" : "inactive",
            settings.LastCallAt,
            settings.LastClient,
            baseConnectorUrl,
            settings.DefaultRoleId,
            settings.RequiredRoleId,
            settings.UserNameMustBePrimaryEmail,
            settings.NamesNotUpdatable,
            settings.EnforceVerifiedDomains,
            settings.TokenMaxDays,
            UnknownRolePolicies.ToText(settings.UnknownRoles),
            settings.ManualRoleGrants,
            settings.NamesRequired,
            settings.IdentifiersNotUpdatable,
            settings.AdvertiseCursorPaging);
    }
}
