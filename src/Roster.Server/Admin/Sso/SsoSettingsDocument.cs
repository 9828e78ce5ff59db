using Roster.Directory.Sso;

namespace Roster.Server.Admin.Sso;

/// <summary>A tenant's sign-in policy as the admin API returns it.</summary>
/// <param name="SsoOnly">Password sign-in is refused for everyone but the break-glass administrators.</param>
/// <param name="ScimRequiresSsoOnly">SCIM provisioning cannot be turned on until <paramref name="SsoOnly"/> is.</param>
/// <param name="BreakGlass">The employee ids of the break-glass administrators.</param>
public sealed record SsoSettingsDocument(bool SsoOnly, bool ScimRequiresSsoOnly, IReadOnlyList<Guid> BreakGlass)
{
    public static SsoSettingsDocument From(SsoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.SsoOnly, settings.ScimRequiresSsoOnly, settings.BreakGlass);
    }
}
