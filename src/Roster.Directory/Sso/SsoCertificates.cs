using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Roster.Directory.Sso;

/// <summary>
/// X.509 certificates as connections keep them: base64 DER. An IdP's signing certificate is
/// read from metadata or pasted (PEM or bare base64); Roster's own signing certificate for a
/// connection is self-signed, since a SAML peer trusts the key its metadata names, not a CA.
/// </summary>
public static class SsoCertificates
{
    /// <summary>The largest certificate accepted, in base64 characters.</summary>
    public const int MaxLength = 16 * 1024;

    /// <summary>The certificate in <paramref name="text"/> (PEM, or base64 DER with or without line breaks), as base64 DER; null when it is none.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength)
        {
            return null;
        }

        var body = text.Replace("-----BEGIN CERTIFICATE-----", "", StringComparison.Ordinal).Replace("-----END CERTIFICATE-----", "", StringComparison.Ordinal);
        body = new string([.. body.Where(c => !char.IsWhiteSpace(c))]);
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(body));
            return certificate.GetRSAPublicKey() is not null || certificate.GetECDsaPublicKey() is not null ? Convert.ToBase64String(certificate.RawData) : null;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Loads a certificate stored by <see cref="Normalize"/>. Dispose it.</summary>
    public static X509Certificate2 Load(string base64) => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64));

    /// <summary>The SHA-256 thumbprint, as the console and the audit log name a certificate.</summary>
    public static string Thumbprint(string base64)
    {
        using var certificate = Load(base64);
        return certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    /// <summary>When the certificate stops being valid.</summary>
    public static DateTimeOffset NotAfter(string base64)
    {
        using var certificate = Load(base64);
        return new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
    }

    /// <summary>A new RSA key and its self-signed certificate (base64 DER) for signing a connection's AuthnRequests; the key as PKCS#8 PEM.</summary>
    public static (string Certificate, string PrivateKeyPem) CreateSigningKey(Guid connectionId, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=Roster SSO {connectionId:D}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));
        return (Convert.ToBase64String(certificate.RawData), rsa.ExportPkcs8PrivateKeyPem());
    }
}
