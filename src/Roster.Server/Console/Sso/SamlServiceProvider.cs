namespace Roster.Server.Console.Sso;

/// <summary>
/// Roster as the service provider of one SAML connection: its entity ID (the URL of its metadata,
/// so that it is unique per connection and an IdP can read it), and its Assertion Consumer
/// Service. A response's Audience must be <see cref="EntityId"/>, its Destination and Recipient
/// <see cref="AcsUrl"/>. Both come from the deployment's public base URL, which should therefore
/// be configured (<c>Roster:PublicBaseUrl</c>) rather than taken from requests.
/// </summary>
public sealed record SamlServiceProvider(string EntityId, string AcsUrl, string MetadataUrl)
{
    public static SamlServiceProvider For(string publicBaseUrl, Guid orgId, Guid connectionId)
    {
        var metadata = publicBaseUrl + SsoPaths.SamlMetadata(orgId, connectionId);
        return new(metadata, publicBaseUrl + SsoPaths.SamlAcs(orgId, connectionId), metadata);
    }
}
