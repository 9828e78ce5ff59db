namespace Roster.Server.Console.Sso;

/// <summary>The namespaces and URIs of SAML 2.0 and XML Signature that Roster reads and writes.</summary>
public static class SamlNames
{
    public const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    public const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    public const string Metadata = "urn:oasis:names:tc:SAML:2.0:metadata";
    public const string XmlDsig = "http://www.w3.org/2000/09/xmldsig#";
    public const string HttpPostBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    public const string HttpRedirectBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    public const string EmailNameIdFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    public const string Success = "urn:oasis:names:tc:SAML:2.0:status:Success";
    public const string Bearer = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
}
