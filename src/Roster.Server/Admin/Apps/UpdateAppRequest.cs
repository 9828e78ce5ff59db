namespace Roster.Server.Admin.Apps;

/// <summary>
/// The body of <c>PUT /apps/{id}</c>: the details an app registration's edit page changes
/// (description, technical contacts, redirect URLs, registrant, business unit). A member left out
/// keeps its value; an empty string clears the description, registrant or business unit. Name,
/// client type, scopes and owner are not here: they are fixed at registration, and no new client
/// ID or secret is ever issued.
/// </summary>
public sealed record UpdateAppRequest(
    string? Description = null,
    IReadOnlyList<string>? TechnicalContacts = null,
    IReadOnlyList<string>? RedirectUris = null,
    string? Registrant = null,
    string? BusinessUnit = null);
