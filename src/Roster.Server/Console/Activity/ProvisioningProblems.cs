using Microsoft.Extensions.Localization;
using Roster.Directory.Provisioning;

namespace Roster.Server.Console.Activity;

/// <summary>
/// Settings that make every request of the tenant's identity providers fail, in the words of the
/// error they then receive: shown first on the activity page, since they explain what the IdP
/// reports. (An inactive default or required role cannot happen: the directory refuses to
/// deactivate a role the SCIM settings use.)
/// </summary>
public static class ProvisioningProblems
{
    /// <summary>The problems in the person's language (the parameter is <c>T</c> for the untranslated-text test).</summary>
    public static IReadOnlyList<string> Of(IStringLocalizer T, ScimSettings settings)
    {
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Enabled
            ? []
            : [T["SCIM provisioning is off: every SCIM request of your identity providers is refused with 403 until it is turned on again."].Value];
    }
}
