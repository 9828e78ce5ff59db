using System.Text.Json;
using System.Text.Json.Serialization;

namespace Roster.Directory.Sso;

/// <summary>The JSON of <c>sso_connections.settings</c>: one protocol's fields, the other's left out.</summary>
internal sealed class SsoConnectionDocument
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Issuer { get; set; }

    public string? ClientId { get; set; }

    public List<string>? Scopes { get; set; }

    public string? EmailClaim { get; set; }

    public string? GivenNameClaim { get; set; }

    public string? FamilyNameClaim { get; set; }

    public string? IdpEntityId { get; set; }

    public string? IdpSsoUrl { get; set; }

    public List<string>? IdpCertificates { get; set; }

    public string? IdpMetadataUrl { get; set; }

    public bool? AllowIdpInitiated { get; set; }

    public bool? SignRequests { get; set; }

    public string? SpCertificate { get; set; }

    public string? EmailAttribute { get; set; }

    public string? GivenNameAttribute { get; set; }

    public string? FamilyNameAttribute { get; set; }

    public int? ClockSkewSeconds { get; set; }

    public static string Write(OidcSettings? oidc, SamlSettings? saml)
    {
        var document = new SsoConnectionDocument();
        if (oidc is not null)
        {
            document.Issuer = oidc.Issuer;
            document.ClientId = oidc.ClientId;
            document.Scopes = [.. oidc.Scopes];
            document.EmailClaim = oidc.EmailClaim;
            document.GivenNameClaim = oidc.GivenNameClaim;
            document.FamilyNameClaim = oidc.FamilyNameClaim;
        }

        if (saml is not null)
        {
            document.IdpEntityId = saml.IdpEntityId;
            document.IdpSsoUrl = saml.IdpSsoUrl;
            document.IdpCertificates = [.. saml.IdpCertificates];
            document.IdpMetadataUrl = saml.IdpMetadataUrl;
            document.AllowIdpInitiated = saml.AllowIdpInitiated;
            document.SignRequests = saml.SignRequests;
            document.SpCertificate = saml.SpCertificate;
            document.EmailAttribute = saml.EmailAttribute;
            document.GivenNameAttribute = saml.GivenNameAttribute;
            document.FamilyNameAttribute = saml.FamilyNameAttribute;
            document.ClockSkewSeconds = saml.ClockSkewSeconds;
        }

        return JsonSerializer.Serialize(document, Options);
    }

    public static SsoConnectionDocument Read(string json) => JsonSerializer.Deserialize<SsoConnectionDocument>(json, Options) ?? new SsoConnectionDocument();

    public OidcSettings Oidc(bool hasSecret) => new(
        Issuer ?? "", ClientId ?? "", hasSecret, Scopes ?? [.. OidcSettings.DefaultScopes],
        EmailClaim ?? OidcSettings.DefaultEmailClaim, GivenNameClaim ?? "given_name", FamilyNameClaim ?? "family_name");

    public SamlSettings Saml() => new(
        IdpEntityId ?? "", IdpSsoUrl ?? "", IdpCertificates ?? [], IdpMetadataUrl, AllowIdpInitiated ?? false, SignRequests ?? false,
        SpCertificate ?? "", EmailAttribute, GivenNameAttribute, FamilyNameAttribute, ClockSkewSeconds ?? SamlSettings.DefaultClockSkewSeconds);
}
