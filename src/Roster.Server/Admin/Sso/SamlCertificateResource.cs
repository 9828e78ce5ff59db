namespace Roster.Server.Admin.Sso;

/// <summary>An IdP signing certificate a SAML connection trusts, named by its SHA-256 thumbprint, and when it expires.</summary>
public sealed record SamlCertificateResource(string Sha256Thumbprint, DateTimeOffset NotAfter);
