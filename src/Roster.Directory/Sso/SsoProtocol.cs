namespace Roster.Directory.Sso;

/// <summary>How a single sign-on connection talks to its identity provider.</summary>
public enum SsoProtocol
{
    /// <summary>OpenID Connect: authorization code with PKCE, the IdP found by its issuer's discovery document.</summary>
    OpenIdConnect,

    /// <summary>SAML 2.0 Web Browser SSO: HTTP-Redirect AuthnRequests, HTTP-POST responses.</summary>
    Saml,
}
