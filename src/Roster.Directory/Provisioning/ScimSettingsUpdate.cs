namespace Roster.Directory.Provisioning;

/// <summary>
/// The settings an administrator saves, all at once as the settings form does; a null role id clears that role.
/// A null <see cref="EnforceVerifiedDomains"/>, <see cref="TokenMaxDays"/>, <see cref="UnknownRoles"/>, <see cref="ManualRoleGrants"/>,
/// <see cref="NamesRequired"/>, <see cref="IdentifiersNotUpdatable"/> or <see cref="AdvertiseCursorPaging"/> keeps the saved value, so clients written before the setting existed do not turn it off.
/// </summary>
public sealed record ScimSettingsUpdate(
    bool Enabled,
    Guid? DefaultRoleId,
    Guid? RequiredRoleId,
    bool UserNameMustBePrimaryEmail,
    bool NamesNotUpdatable,
    bool? EnforceVerifiedDomains = null,
    int? TokenMaxDays = null,
    UnknownRolePolicy? UnknownRoles = null,
    bool? ManualRoleGrants = null,
    bool? NamesRequired = null,
    bool? IdentifiersNotUpdatable = null,
    bool? AdvertiseCursorPaging = null)
{
    /// <summary>The update that keeps <paramref name="settings"/> as they are, to change with <c>with</c>.</summary>
    public static ScimSettingsUpdate From(ScimSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Enabled, settings.DefaultRoleId, settings.RequiredRoleId, settings.UserNameMustBePrimaryEmail, settings.NamesNotUpdatable, settings.EnforceVerifiedDomains, settings.TokenMaxDays, settings.UnknownRoles, settings.ManualRoleGrants,
            settings.NamesRequired, settings.IdentifiersNotUpdatable, settings.AdvertiseCursorPaging);
    }
}
