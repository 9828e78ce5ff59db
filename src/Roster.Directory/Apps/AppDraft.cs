namespace Roster.Directory.Apps;

/// <summary>The app registration form (seed 002): what the administrator fills in.</summary>
public sealed record AppDraft(
    string Name,
    string? Description,
    IReadOnlyList<string> Contacts,
    AppClientType ClientType,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> Scopes);
