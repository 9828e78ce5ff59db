namespace Roster.Directory.Provisioning;

/// <summary>The settings an administrator saves, all at once as the settings form does; a null role id clears that role.</summary>
public sealed record ScimSettingsUpdate(
    bool Enabled,
    Guid? DefaultRoleId,
    Guid? RequiredRoleId,
    bool UserNameMustBePrimaryEmail,
    bool NamesNotUpdatable)
{
    /// <summary>The update that keeps <paramref name="settings"/> as they are, to change with <c>with</c>.</summary>
    public static ScimSettingsUpdate From(ScimSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Enabled, settings.DefaultRoleId, settings.RequiredRoleId, settings.UserNameMustBePrimaryEmail, settings.NamesNotUpdatable);
    }
}
