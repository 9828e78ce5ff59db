using Roster.Directory.Credentials;

namespace Roster.Directory.Apps;

/// <summary>An app registration as the console and the admin API show it (never the client secret).</summary>
public sealed record AppRegistration(
    Guid Id,
    Guid TenantId,
    string ClientId,
    string Name,
    string? Description,
    IReadOnlyList<string> Contacts,
    AppClientType ClientType,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> Scopes,
    DateTimeOffset Created,
    Guid? OwnerId = null,
    string? Registrant = null,
    string? BusinessUnit = null)
{
    /// <summary>Always client_secret_post for confidential apps, as Okta sends it; none for public ones (<see cref="TokenEndpointAuthMethods"/>).</summary>
    public string TokenEndpointAuthMethod => TokenEndpointAuthMethods.For(OAuthClientKind.App, ClientType)[0];
}
