namespace Roster.Directory.SecondFactors;

/// <summary>A person's second factor as their own page and their administrators see it.</summary>
/// <param name="Enrolled">An authenticator app is set up and confirmed.</param>
/// <param name="RecoveryCodesLeft">Unused recovery codes.</param>
/// <param name="Required">The tenant's policy requires a second factor of this person.</param>
public sealed record SecondFactorStatus(bool Enrolled, int RecoveryCodesLeft, bool Required);
