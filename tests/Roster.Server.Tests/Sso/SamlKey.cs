using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Roster.Server.Tests.Sso;

/// <summary>A test IdP's RSA signing key and its self-signed certificate, as PEM.</summary>
public sealed record SamlKey(string CertificatePem, string PrivateKeyPem)
{
    public static SamlKey Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Test SAML IdP", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return new SamlKey(certificate.ExportCertificatePem(), rsa.ExportPkcs8PrivateKeyPem());
    }
}
