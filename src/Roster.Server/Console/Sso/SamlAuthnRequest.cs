using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Roster.Directory.Sso;

namespace Roster.Server.Console.Sso;

/// <summary>
/// An AuthnRequest sent with the HTTP-Redirect binding (SAML bindings, 3.4): the XML deflated,
/// base64-encoded and put in the IdP's SSO URL as <c>SAMLRequest</c>, with <c>RelayState</c>;
/// when the connection signs its requests, <c>SigAlg</c> and <c>Signature</c> over exactly those
/// query parameters in that order (3.4.4.1), with the connection's own RSA key and SHA-256.
/// </summary>
public static class SamlAuthnRequest
{
    public const string RsaSha256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private static readonly XNamespace Protocol = SamlNames.Protocol;
    private static readonly XNamespace Assertion = SamlNames.Assertion;

    /// <summary>The URL that sends the browser to the IdP with request <paramref name="requestId"/>; <paramref name="signingKeyPem"/> is needed when the connection signs requests.</summary>
    public static string RedirectUrl(SamlSettings idp, SamlServiceProvider sp, string requestId, string relayState, string? signingKeyPem, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(idp);
        ArgumentNullException.ThrowIfNull(sp);
        var request = new XElement(
            Protocol + "AuthnRequest",
            new XAttribute(XNamespace.Xmlns + "samlp", Protocol.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "saml", Assertion.NamespaceName),
            new XAttribute("ID", requestId),
            new XAttribute("Version", "2.0"),
            new XAttribute("IssueInstant", now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            new XAttribute("Destination", idp.IdpSsoUrl),
            new XAttribute("AssertionConsumerServiceURL", sp.AcsUrl),
            new XAttribute("ProtocolBinding", SamlNames.HttpPostBinding),
            new XElement(Assertion + "Issuer", sp.EntityId),
            new XElement(Protocol + "NameIDPolicy", new XAttribute("Format", SamlNames.EmailNameIdFormat), new XAttribute("AllowCreate", "true")));

        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true))
        {
            var bytes = Encoding.UTF8.GetBytes(request.ToString(SaveOptions.DisableFormatting));
            deflate.Write(bytes);
        }

        var query = $"SAMLRequest={Uri.EscapeDataString(Convert.ToBase64String(deflated.ToArray()))}&RelayState={Uri.EscapeDataString(relayState)}";
        if (idp.SignRequests)
        {
            if (signingKeyPem is null)
            {
                throw new InvalidOperationException("The connection signs its requests, but its signing key cannot be read.");
            }

            query += $"&SigAlg={Uri.EscapeDataString(RsaSha256)}";
            using var rsa = RSA.Create();
            rsa.ImportFromPem(signingKeyPem);
            var signature = rsa.SignData(Encoding.UTF8.GetBytes(query), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            query += $"&Signature={Uri.EscapeDataString(Convert.ToBase64String(signature))}";
        }

        return idp.IdpSsoUrl + (idp.IdpSsoUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }
}
