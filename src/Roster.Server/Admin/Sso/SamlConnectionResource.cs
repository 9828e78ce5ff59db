using Roster.Directory.Sso;

namespace Roster.Server.Admin.Sso;

/// <summary>
/// A SAML connection's part of <see cref="SsoConnectionResource"/>: what Roster trusts of the
/// IdP, and what the IdP must be given of Roster (its entity ID, ACS URL and metadata URL).
/// </summary>
public sealed record SamlConnectionResource(
    string IdpEntityId,
    string IdpSsoUrl,
    IReadOnlyList<SamlCertificateResource> IdpCertificates,
    string? IdpMetadataUrl,
    bool AllowIdpInitiated,
    bool SignRequests,
    string? EmailAttribute,
    string? GivenNameAttribute,
    string? FamilyNameAttribute,
    int ClockSkewSeconds,
    string SpEntityId,
    string AcsUrl,
    string SpMetadataUrl,
    string? SpCertificate)
{
    public static SamlConnectionResource From(SamlSettings saml, Console.Sso.SamlServiceProvider sp)
    {
        ArgumentNullException.ThrowIfNull(saml);
        ArgumentNullException.ThrowIfNull(sp);
        return new(
            saml.IdpEntityId, saml.IdpSsoUrl, [.. saml.IdpCertificates.Select(c => new SamlCertificateResource(SsoCertificates.Thumbprint(c), SsoCertificates.NotAfter(c)))],
            saml.IdpMetadataUrl, saml.AllowIdpInitiated, saml.SignRequests, saml.EmailAttribute, saml.GivenNameAttribute, saml.FamilyNameAttribute, saml.ClockSkewSeconds,
            sp.EntityId, sp.AcsUrl, sp.MetadataUrl, saml.SignRequests && saml.SpCertificate.Length > 0 ? saml.SpCertificate : null);
    }
}
