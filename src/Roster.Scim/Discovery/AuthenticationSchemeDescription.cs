namespace Roster.Scim.Discovery;

/// <summary>One entry of <c>authenticationSchemes</c> in the service provider configuration (RFC 7643 section 5).</summary>
/// <param name="Type">The scheme's type, e.g. <c>oauthbearertoken</c> or <c>httpbasic</c>.</param>
/// <param name="Name">The scheme's common name.</param>
/// <param name="Description">What the scheme is, for people.</param>
/// <param name="SpecUri">The specification, e.g. RFC 6750 for bearer tokens.</param>
/// <param name="DocumentationUri">Where an administrator learns how to get a credential, if anywhere.</param>
/// <param name="Primary">True for the preferred scheme.</param>
public sealed record AuthenticationSchemeDescription(
    string Type,
    string Name,
    string Description,
    Uri? SpecUri = null,
    Uri? DocumentationUri = null,
    bool Primary = false)
{
    /// <summary>OAuth 2.0 bearer tokens (RFC 6750): how every IdP authenticates to Roster.</summary>
    public static AuthenticationSchemeDescription OAuthBearerToken { get; } = new(
        "oauthbearertoken",
        "OAuth Bearer Token",
        "Authentication with a SCIM bearer token or an OAuth 2.0 access token, sent in the Authorization header.",
        new Uri("https://www.rfc-editor.org/info/rfc6750"),
        null,
        true);
}
