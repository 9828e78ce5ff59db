namespace Roster.Server.Console.Guides;

/// <summary>
/// This organization's values a guide shows. Roster's SAML and OpenID Connect values belong to a
/// connection, so they are null until the organization has one of that protocol;
/// <c>SamlConnection</c> names the SAML connection whose values are shown.
/// </summary>
public sealed record GuideValues(
    string? SamlConnection,
    string? SpEntityId,
    string? AcsUrl,
    string? SpMetadataUrl,
    string? RedirectUri,
    string ConnectorUrl,
    string AuthorizeUrl,
    string TokenUrl);
