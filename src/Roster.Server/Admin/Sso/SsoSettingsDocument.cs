using Roster.Directory.Sso;

namespace Roster.Server.Admin.Sso;

/// <summary>A tenant's sign-in policy as the admin API returns it.</summary>
/// <param name="SsoOnly">Password sign-in is refused for everyone but the break-glass administrators.</param>
/// <param name="ScimRequiresSsoOnly">SCIM provisioning cannot be turned on until <paramref name="SsoOnly"/> is.</param>
/// <param name="BreakGlass">The employee ids of the break-glass administrators.</param>
/// <param name="AdministratorsNeedSecondFactor">
/// Anyone whose roles hold <c>roles.manage</c> or <c>security.login.manage</c> and signs in with a
/// password must use a second factor (an authenticator app); SSO sign-ins are not asked.
/// </param>
public sealed record SsoSettingsDocument(bool SsoOnly, bool ScimRequiresSsoOnly, IReadOnlyList<Guid> BreakGlass, bool AdministratorsNeedSecondFactor)
{
    public static SsoSettingsDocument From(SsoSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.SsoOnly, settings.ScimRequiresSsoOnly, settings.BreakGlass, settings.AdministratorsNeedSecondFactor);
    }
}
