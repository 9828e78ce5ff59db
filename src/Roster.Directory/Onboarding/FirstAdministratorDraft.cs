namespace Roster.Directory.Onboarding;

/// <summary>What the person opening a setup link enters: who they are and their password.</summary>
public sealed record FirstAdministratorDraft(string Email, string FirstName, string LastName, string Password);
