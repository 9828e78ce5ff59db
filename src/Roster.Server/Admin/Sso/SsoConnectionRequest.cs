using Roster.Directory.Sso;

namespace Roster.Server.Admin.Sso;

/// <summary>
/// The body of <c>POST</c> and <c>PATCH /sso/connections</c>: what is given is set, what is left
/// out is kept (on <c>PATCH</c>). <c>clientSecret</c> is write-only: answers say only whether one is set.
/// The <c>idp...</c> fields and those after them are SAML's (<see cref="SsoConnectionDraft"/>).
/// <c>idpMetadataXml</c> (pasted) or <c>idpMetadataUrl</c> (read now, again on every request that
/// gives it) fill the IdP's entity ID, SSO URL and certificates the request does not give.
/// </summary>
public sealed record SsoConnectionRequest(
    string? Protocol = null,
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
    string? IdpMetadataXml = null,
    bool? AllowIdpInitiated = null,
    bool? SignRequests = null,
    string? EmailAttribute = null,
    string? GivenNameAttribute = null,
    string? FamilyNameAttribute = null,
    int? ClockSkewSeconds = null)
{
    public SsoConnectionDraft ToDraft() => new(
        Name: Name, Enabled: Enabled, JustInTime: JustInTime, Issuer: Issuer, ClientId: ClientId, ClientSecret: ClientSecret,
        Scopes: Scopes, EmailClaim: EmailClaim, GivenNameClaim: GivenNameClaim, FamilyNameClaim: FamilyNameClaim,
        IdpEntityId: IdpEntityId, IdpSsoUrl: IdpSsoUrl, IdpCertificates: IdpCertificates, IdpMetadataUrl: IdpMetadataUrl, AllowIdpInitiated: AllowIdpInitiated,
        SignRequests: SignRequests, EmailAttribute: EmailAttribute, GivenNameAttribute: GivenNameAttribute, FamilyNameAttribute: FamilyNameAttribute, ClockSkewSeconds: ClockSkewSeconds);
}
