namespace Roster.Directory.Apps;

/// <summary>The app registration form (seed 002): what the administrator fills in.</summary>
/// <param name="Name">What the consent page and the lists call the app.</param>
/// <param name="Description">Optional.</param>
/// <param name="Contacts">Technical contacts' emails.</param>
/// <param name="ClientType">User-confidential, user-public or back-end.</param>
/// <param name="RedirectUris">Where codes may be sent (user apps).</param>
/// <param name="Scopes">The scopes the app may ask for.</param>
/// <param name="OwnerId">
/// A back-end app acts for no one who signs in, so its tokens act for this profile: the
/// registering administrator when left out. User apps act for whoever consents and take none.
/// </param>
/// <param name="Registrant">Who registers the app (free text); the registering person's name and email when left out.</param>
/// <param name="BusinessUnit">The business unit the app is for (free text, optional).</param>
public sealed record AppDraft(
    string Name,
    string? Description,
    IReadOnlyList<string> Contacts,
    AppClientType ClientType,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> Scopes,
    Guid? OwnerId = null,
    string? Registrant = null,
    string? BusinessUnit = null);
