using Roster.Directory.Administration;

namespace Roster.Directory.Onboarding;

/// <summary>Why a setup link cannot be issued or used, in words the person can act on.</summary>
public static class SetupLinkErrors
{
    public const string Invalid =
        "This setup link is not valid. Check that you copied all of it, or ask whoever runs Roster for a new one ('roster admin-link').";

    public const string Used =
        "This setup link was already used: it works once. Sign in to the console with the administrator it created, or ask whoever runs Roster for a new one.";

    public const string Expired =
        "This setup link has expired. Ask whoever runs Roster for a new one ('roster admin-link --tenant <org ID>').";

    public const string AdministratorExists =
        "This organization already has an administrator. Sign in to the console; an administrator invites everyone else from the Employees page.";

    internal static AdminError Lifetime(TimeSpan shortest, TimeSpan longest) =>
        AdminError.Validation($"A setup link is valid for at least {shortest.TotalMinutes:0} minutes and at most {longest.TotalDays:0} days.");

    internal static AdminError TenantNotFound(Guid tenantId) => AdminError.NotFound($"No organization has the org ID {tenantId}.");
}
