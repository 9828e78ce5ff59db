namespace Roster.Server.Admin.Apps;

/// <summary>
/// The body of <c>POST /apps</c>, the seed 002 form: name, description, technical contacts'
/// emails, client type (user-confidential, user-public, back-end), redirect URLs and scopes
/// (default openid, offline_access, scim). A back-end app's tokens act for <see cref="OwnerId"/>
/// (the registering employee when left out). <see cref="Registrant"/> defaults to the registering
/// employee's name and email; <see cref="BusinessUnit"/> is optional.
/// </summary>
public sealed record RegisterAppRequest(
    string? Name,
    string? Description,
    IReadOnlyList<string>? TechnicalContacts,
    string? ClientType,
    IReadOnlyList<string>? RedirectUris,
    IReadOnlyList<string>? Scopes,
    Guid? OwnerId = null,
    string? Registrant = null,
    string? BusinessUnit = null);
