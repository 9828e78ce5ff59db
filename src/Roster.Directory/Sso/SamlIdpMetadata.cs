using System.Xml;
using System.Xml.Linq;
using Roster.Directory.Administration;

namespace Roster.Directory.Sso;

/// <summary>
/// What Roster takes from an IdP's SAML 2.0 metadata (an <c>EntityDescriptor</c> with an
/// <c>IDPSSODescriptor</c>): its entity ID, its HTTP-Redirect single sign-on URL and its signing
/// certificates. Read without DTDs or external entities, and only up to <see cref="MaxLength"/>
/// characters, since the text comes from a paste or from a URL a tenant gave.
/// </summary>
public sealed record SamlIdpMetadata(string EntityId, string SsoUrl, IReadOnlyList<string> Certificates)
{
    /// <summary>The largest metadata read, in characters (IdP metadata is a few KiB; Entra ID's about 10).</summary>
    public const int MaxLength = 256 * 1024;

    private static readonly XNamespace Md = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static readonly XNamespace Ds = "http://www.w3.org/2000/09/xmldsig#";
    private const string RedirectBinding = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    /// <summary>The metadata in <paramref name="xml"/>, or what is wrong with it; errors name <paramref name="field"/>.</summary>
    public static AdminResult<SamlIdpMetadata> Read(string? xml, string field)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return Refused("The identity provider's metadata is empty.", field);
        }

        if (xml.Length > MaxLength)
        {
            return Refused($"The identity provider's metadata is larger than Roster reads ({MaxLength / 1024} KiB).", field);
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxLength * 2L };
            using var reader = XmlReader.Create(new StringReader(xml.Trim()), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return Refused("This is not SAML metadata: it is not well-formed XML without a DTD.", field);
        }

        var root = document.Root!;
        var entity = root.Name == Md + "EntityDescriptor" ? root
            : root.Name == Md + "EntitiesDescriptor" ? root.Elements(Md + "EntityDescriptor").FirstOrDefault(e => e.Element(Md + "IDPSSODescriptor") is not null)
            : null;
        var idp = entity?.Element(Md + "IDPSSODescriptor");
        if (entity is null || idp is null)
        {
            return Refused("This is not an identity provider's SAML metadata: there is no EntityDescriptor with an IDPSSODescriptor.", field);
        }

        var entityId = ((string?)entity.Attribute("entityID"))?.Trim();
        if (string.IsNullOrEmpty(entityId))
        {
            return Refused("The identity provider's metadata has no entityID.", field);
        }

        var ssoUrl = idp.Elements(Md + "SingleSignOnService")
            .FirstOrDefault(s => (string?)s.Attribute("Binding") == RedirectBinding)?.Attribute("Location")?.Value.Trim();
        if (string.IsNullOrEmpty(ssoUrl))
        {
            return Refused("The identity provider's metadata has no single sign-on URL for the HTTP-Redirect binding, which Roster sends its requests with.", field);
        }

        var certificates = new List<string>();
        foreach (var key in idp.Elements(Md + "KeyDescriptor").Where(k => (string?)k.Attribute("use") is null or "signing"))
        {
            foreach (var text in key.Descendants(Ds + "X509Certificate").Select(c => c.Value))
            {
                if (SsoCertificates.Normalize(text) is { } certificate && !certificates.Contains(certificate, StringComparer.Ordinal))
                {
                    certificates.Add(certificate);
                }
            }
        }

        if (certificates.Count == 0)
        {
            return Refused("The identity provider's metadata has no signing certificate (a KeyDescriptor for signing with an X.509 certificate): Roster accepts only signed responses.", field);
        }

        return new SamlIdpMetadata(entityId, ssoUrl, [.. certificates.Take(SamlSettings.MaxCertificates)]);
    }

    private static AdminError Refused(string detail, string field) => AdminError.Validation(detail) with { Field = field };
}
