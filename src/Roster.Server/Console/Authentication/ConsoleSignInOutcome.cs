using System.Security.Claims;

namespace Roster.Server.Console.Authentication;

/// <summary>The sign-in form's outcome: a principal to sign in, a reason to show, or a request for the org ID.</summary>
/// <param name="Principal">The session's principal on success.</param>
/// <param name="Failure">A sentence for the person on failure.</param>
/// <param name="NeedsOrganization">The password was right and the email belongs to several organizations: ask which one.</param>
public sealed record ConsoleSignInOutcome(ClaimsPrincipal? Principal, string? Failure, bool NeedsOrganization)
{
    /// <summary>The organization whose SSO connections the page offers: the right password was refused because the person signs in through SSO.</summary>
    public Guid? SingleSignOnOrganization { get; init; }

    /// <summary>The password was right and a second factor is needed before any session: a code, or setting one up.</summary>
    public (Guid TenantId, Guid UserId, Directory.SecondFactors.SecondFactorStep Step)? SecondStep { get; init; }

    public static ConsoleSignInOutcome AskForOrganization { get; } =
        new(null, "This email belongs to several organizations: enter the organization ID you want to sign in to, and your password again.", true);

    public static ConsoleSignInOutcome Failed(string reason) => new(null, reason, false);
}
