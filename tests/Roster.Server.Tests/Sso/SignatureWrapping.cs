using System.Xml;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// XML signature wrapping (XSW1-XSW8 and neighbours), made from a response the IdP really signed:
/// each keeps the signed element somewhere in the message, so its signature still verifies, and
/// puts beside it, around it or in its place an element that names <c>victim</c>. A reader that
/// checks one element's signature and reads another signs the victim in.
/// </summary>
public static class SignatureWrapping
{
    private const string Protocol = "urn:oasis:names:tc:SAML:2.0:protocol";
    private const string Assertion = "urn:oasis:names:tc:SAML:2.0:assertion";
    private const string Dsig = "http://www.w3.org/2000/09/xmldsig#";

    /// <summary>Wrappings of a response whose Assertion is signed.</summary>
    public static IEnumerable<(string Name, string Xml)> OfSignedAssertion(string xml, string victim)
    {
        yield return ("XSW3 evil assertion before the signed one", Edit(xml, (doc, response, assertion) =>
            response.InsertBefore(Evil(assertion, victim, keepSignature: false), assertion)));
        yield return ("XSW4 signed assertion inside the evil one", Edit(xml, (doc, response, assertion) =>
        {
            var evil = Evil(assertion, victim, keepSignature: false);
            response.ReplaceChild(evil, assertion);
            evil.AppendChild(assertion);
        }));
        yield return ("XSW5 evil assertion with the copied signature, the signed one after it", Edit(xml, (doc, response, assertion) =>
        {
            var evil = Evil(assertion, victim, keepSignature: true);
            response.ReplaceChild(evil, assertion);
            response.AppendChild(assertion);
        }));
        yield return ("XSW6 signed assertion inside the copied signature's Object", Edit(xml, (doc, response, assertion) =>
        {
            var evil = Evil(assertion, victim, keepSignature: true);
            response.ReplaceChild(evil, assertion);
            Object(evil).AppendChild(assertion);
        }));
        yield return ("XSW7 signed assertion in Extensions, evil assertion in its place", Edit(xml, (doc, response, assertion) =>
        {
            var evil = Evil(assertion, victim, keepSignature: false);
            response.ReplaceChild(evil, assertion);
            var extensions = doc.CreateElement("samlp", "Extensions", Protocol);
            response.InsertAfter(extensions, Child(response, Assertion, "Issuer"));
            extensions.AppendChild(assertion);
        }));
        yield return ("XSW8 signed assertion without its signature inside the copied signature's Object", Edit(xml, (doc, response, assertion) =>
        {
            var evil = Evil(assertion, victim, keepSignature: true);
            response.ReplaceChild(evil, assertion);
            assertion.RemoveChild(Child(assertion, Dsig, "Signature")!);
            Object(evil).AppendChild(assertion);
        }));
        yield return ("evil assertion with the signed one's ID, the signed one in Extensions", Edit(xml, (doc, response, assertion) =>
        {
            var evil = Evil(assertion, victim, keepSignature: false);
            evil.SetAttribute("ID", assertion.GetAttribute("ID"));
            response.ReplaceChild(evil, assertion);
            var extensions = doc.CreateElement("samlp", "Extensions", Protocol);
            response.InsertAfter(extensions, Child(response, Assertion, "Issuer"));
            extensions.AppendChild(assertion);
        }));
        yield return ("signed assertion changed in place", Edit(xml, (doc, response, assertion) => Rename(assertion, victim)));
        yield return ("assertion's signature moved into Extensions", Edit(xml, (doc, response, assertion) =>
        {
            var extensions = doc.CreateElement("samlp", "Extensions", Protocol);
            response.InsertAfter(extensions, Child(response, Assertion, "Issuer"));
            extensions.AppendChild(Child(assertion, Dsig, "Signature")!);
        }));
    }

    /// <summary>Wrappings of a response whose Response element is signed (the assertion is not).</summary>
    public static IEnumerable<(string Name, string Xml)> OfSignedResponse(string xml, string victim)
    {
        yield return ("XSW1 evil response around the copied signature, the signed response in its Object", Edit(xml, (doc, response, assertion) =>
        {
            var original = (XmlElement)response.CloneNode(deep: true);
            response.SetAttribute("ID", "_evil_response");
            Rename(assertion, victim);
            Object(response).AppendChild(original);
        }));
        yield return ("XSW2 evil response, the signed response beside its signature", Edit(xml, (doc, response, assertion) =>
        {
            var original = (XmlElement)response.CloneNode(deep: true);
            original.RemoveChild(Child(original, Dsig, "Signature")!);
            response.SetAttribute("ID", "_evil_response");
            Rename(assertion, victim);
            response.InsertBefore(original, Child(response, Dsig, "Signature"));
        }));
        yield return ("evil assertion added beside the signed response's", Edit(xml, (doc, response, assertion) =>
            response.AppendChild(Evil(assertion, victim, keepSignature: false))));
        yield return ("signed response changed in place", Edit(xml, (doc, response, assertion) => Rename(assertion, victim)));
    }

    private static string Edit(string xml, Action<XmlDocument, XmlElement, XmlElement> change)
    {
        var doc = new XmlDocument { PreserveWhitespace = true };
        doc.LoadXml(xml);
        var response = doc.DocumentElement!;
        change(doc, response, Child(response, Assertion, "Assertion")!);
        return doc.OuterXml;
    }

    private static XmlElement Evil(XmlElement assertion, string victim, bool keepSignature)
    {
        var evil = (XmlElement)assertion.CloneNode(deep: true);
        evil.SetAttribute("ID", "_evil_" + Guid.NewGuid().ToString("N"));
        if (!keepSignature && Child(evil, Dsig, "Signature") is { } signature)
        {
            evil.RemoveChild(signature);
        }

        Rename(evil, victim);
        return evil;
    }

    private static void Rename(XmlElement assertion, string victim)
    {
        foreach (var element in assertion.GetElementsByTagName("NameID", Assertion).OfType<XmlElement>().ToList())
        {
            element.InnerText = victim;
        }

        foreach (var value in assertion.GetElementsByTagName("AttributeValue", Assertion).OfType<XmlElement>().Where(v => ((XmlElement)v.ParentNode!).GetAttribute("Name") == "email").ToList())
        {
            value.InnerText = victim;
        }
    }

    private static XmlElement Object(XmlElement signed)
    {
        var signature = Child(signed, Dsig, "Signature")!;
        var container = signed.OwnerDocument.CreateElement("ds", "Object", Dsig);
        signature.AppendChild(container);
        return container;
    }

    private static XmlElement? Child(XmlElement parent, string ns, string name) =>
        parent.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == name && e.NamespaceURI == ns);
}
