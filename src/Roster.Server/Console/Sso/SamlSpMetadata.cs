using System.Xml.Linq;
using Roster.Directory.Sso;

namespace Roster.Server.Console.Sso;

/// <summary>
/// Roster's SAML metadata for one connection (SAML metadata, 2.4.4): its entity ID, the
/// Assertion Consumer Service with the HTTP-POST binding, that it wants assertions signed, and,
/// when it signs its AuthnRequests, the certificate they are signed with. An IdP imports it
/// instead of having the values typed.
/// </summary>
public static class SamlSpMetadata
{
    public static string Write(SamlSettings settings, SamlServiceProvider sp)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sp);
        XNamespace md = SamlNames.Metadata;
        XNamespace ds = SamlNames.XmlDsig;
        var descriptor = new XElement(
            md + "SPSSODescriptor",
            new XAttribute("AuthnRequestsSigned", settings.SignRequests ? "true" : "false"),
            new XAttribute("WantAssertionsSigned", "true"),
            new XAttribute("protocolSupportEnumeration", SamlNames.Protocol));
        if (settings.SignRequests && settings.SpCertificate.Length > 0)
        {
            descriptor.Add(new XElement(
                md + "KeyDescriptor",
                new XAttribute("use", "signing"),
                new XElement(ds + "KeyInfo", new XElement(ds + "X509Data", new XElement(ds + "X509Certificate", settings.SpCertificate)))));
        }

        descriptor.Add(
            new XElement(md + "NameIDFormat", SamlNames.EmailNameIdFormat),
            new XElement(md + "AssertionConsumerService", new XAttribute("Binding", SamlNames.HttpPostBinding), new XAttribute("Location", sp.AcsUrl), new XAttribute("index", "0"), new XAttribute("isDefault", "true")));
        var entity = new XElement(
            md + "EntityDescriptor",
            new XAttribute(XNamespace.Xmlns + "md", md.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "ds", ds.NamespaceName),
            new XAttribute("entityID", sp.EntityId),
            descriptor);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), entity).Declaration + entity.ToString(SaveOptions.DisableFormatting);
    }
}
