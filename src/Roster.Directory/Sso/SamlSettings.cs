namespace Roster.Directory.Sso;

/// <summary>
/// A SAML 2.0 connection's settings: the IdP's (from its metadata) and Roster's own as its
/// service provider. The SP's private signing key is never part of this record: it is stored
/// encrypted (<see cref="SsoSecrets"/>) and <see cref="SpCertificate"/> is its public half.
/// </summary>
/// <param name="IdpEntityId">The IdP's entity ID: the Issuer its responses must carry.</param>
/// <param name="IdpSsoUrl">Where AuthnRequests go (HTTP-Redirect binding).</param>
/// <param name="IdpCertificates">The IdP's signing certificates (base64 DER), more than one during a key rollover: the only keys a response's signature is checked with.</param>
/// <param name="IdpMetadataUrl">Where the IdP's metadata was read from, if from a URL.</param>
/// <param name="AllowIdpInitiated">Whether responses that answer no request of Roster's (IdP-initiated) are accepted; off by default.</param>
/// <param name="SignRequests">Whether AuthnRequests are signed (with the key of <see cref="SpCertificate"/>).</param>
/// <param name="SpCertificate">Roster's signing certificate for this connection (base64 DER), published in its SP metadata.</param>
/// <param name="EmailAttribute">The attribute that holds the person's email; null for the NameID.</param>
/// <param name="GivenNameAttribute">The attribute of the first name; null for the usual names (<c>firstName</c>, <c>givenName</c>, the claim URIs).</param>
/// <param name="FamilyNameAttribute">The attribute of the last name; null for the usual names.</param>
/// <param name="ClockSkewSeconds">How far the IdP's clock may be from Roster's when NotBefore and NotOnOrAfter are checked.</param>
public sealed record SamlSettings(
    string IdpEntityId,
    string IdpSsoUrl,
    IReadOnlyList<string> IdpCertificates,
    string? IdpMetadataUrl,
    bool AllowIdpInitiated,
    bool SignRequests,
    string SpCertificate,
    string? EmailAttribute = null,
    string? GivenNameAttribute = null,
    string? FamilyNameAttribute = null,
    int ClockSkewSeconds = SamlSettings.DefaultClockSkewSeconds)
{
    public const int DefaultClockSkewSeconds = 120;
    public const int MaxClockSkewSeconds = 600;
    public const int MaxCertificates = 4;

    public bool Equals(SamlSettings? other) =>
        other is not null && IdpEntityId == other.IdpEntityId && IdpSsoUrl == other.IdpSsoUrl
        && IdpCertificates.SequenceEqual(other.IdpCertificates, StringComparer.Ordinal) && IdpMetadataUrl == other.IdpMetadataUrl
        && AllowIdpInitiated == other.AllowIdpInitiated && SignRequests == other.SignRequests && SpCertificate == other.SpCertificate
        && EmailAttribute == other.EmailAttribute && GivenNameAttribute == other.GivenNameAttribute
        && FamilyNameAttribute == other.FamilyNameAttribute && ClockSkewSeconds == other.ClockSkewSeconds;

    public override int GetHashCode() => HashCode.Combine(IdpEntityId, IdpSsoUrl);
}
