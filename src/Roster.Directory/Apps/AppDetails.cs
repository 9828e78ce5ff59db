namespace Roster.Directory.Apps;

/// <summary>What an administrator may change on a registered app without new credentials (<see cref="UpdateApp"/>).</summary>
public sealed record AppDetails(string? Description, IReadOnlyList<string> Contacts, IReadOnlyList<string> RedirectUris, string? Registrant = null, string? BusinessUnit = null);
