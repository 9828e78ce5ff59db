namespace Roster.Directory.Sso;

/// <summary>
/// What an administrator sets on a connection. To create one, <see cref="Name"/>, the protocol and
/// its required fields are needed; to change one, every null keeps the saved value (so a form may
/// send only what it shows, and a client secret is never sent back to be kept).
/// </summary>
/// <param name="Name">Unique in the tenant.</param>
/// <param name="Enabled">Whether the connection signs people in.</param>
/// <param name="JustInTime">Whether a person without a profile gets one at first sign-in (while SCIM provisioning is off).</param>
/// <param name="Issuer">OpenID Connect: the issuer.</param>
/// <param name="ClientId">OpenID Connect: the client ID.</param>
/// <param name="ClientSecret">OpenID Connect: a new client secret; "" removes it.</param>
/// <param name="Scopes">OpenID Connect: scopes besides <c>openid</c>.</param>
/// <param name="EmailClaim">OpenID Connect: the claim holding the email.</param>
/// <param name="GivenNameClaim">OpenID Connect: the claim holding the first name.</param>
/// <param name="FamilyNameClaim">OpenID Connect: the claim holding the last name.</param>
/// <param name="IdpEntityId">SAML: the IdP's entity ID.</param>
/// <param name="IdpSsoUrl">SAML: the IdP's single sign-on URL (HTTP-Redirect).</param>
/// <param name="IdpCertificates">SAML: the IdP's signing certificates, PEM or base64.</param>
/// <param name="IdpMetadataUrl">SAML: where the IdP's metadata was read from.</param>
/// <param name="AllowIdpInitiated">SAML: accept responses no request of Roster's asked for.</param>
/// <param name="SignRequests">SAML: sign AuthnRequests.</param>
/// <param name="EmailAttribute">SAML: the attribute holding the email; "" for the NameID.</param>
/// <param name="GivenNameAttribute">SAML: the attribute of the first name; "" for the usual names.</param>
/// <param name="FamilyNameAttribute">SAML: the attribute of the last name; "" for the usual names.</param>
/// <param name="ClockSkewSeconds">SAML: the clock skew allowed.</param>
public sealed record SsoConnectionDraft(
    string? Name = null,
    bool? Enabled = null,
    bool? JustInTime = null,
    string? Issuer = null,
    string? ClientId = null,
    string? ClientSecret = null,
    IReadOnlyList<string>? Scopes = null,
    string? EmailClaim = null,
    string? GivenNameClaim = null,
    string? FamilyNameClaim = null,
    string? IdpEntityId = null,
    string? IdpSsoUrl = null,
    IReadOnlyList<string>? IdpCertificates = null,
    string? IdpMetadataUrl = null,
    bool? AllowIdpInitiated = null,
    bool? SignRequests = null,
    string? EmailAttribute = null,
    string? GivenNameAttribute = null,
    string? FamilyNameAttribute = null,
    int? ClockSkewSeconds = null);
