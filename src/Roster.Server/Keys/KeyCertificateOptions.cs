namespace Roster.Server.Keys;

/// <summary>An X.509 certificate as the key-encryption key (section <c>Roster:Keys:Certificate</c>).</summary>
public sealed class KeyCertificateOptions
{
    /// <summary>A PEM file holding the certificate and its RSA private key, or a PKCS#12 (.pfx, .p12) file.</summary>
    public string? Path { get; set; }

    /// <summary>The PKCS#12 file's password, if it has one.</summary>
    public string? Password { get; set; }
}
