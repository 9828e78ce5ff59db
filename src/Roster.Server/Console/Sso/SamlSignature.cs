using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using Roster.Directory.Sso;

namespace Roster.Server.Console.Sso;

/// <summary>
/// Checks an enveloped XML signature (XML Signature, with the SAML profile's restrictions) over
/// the one element it sits in: exactly one Reference, whose URI is <c>#</c> and that element's
/// own ID, resolved to that element and no other (so what is read afterwards is what was
/// signed); only the enveloped-signature and exclusive canonicalization transforms; RSA with
/// SHA-256 or SHA-512 and a SHA-256 or SHA-512 digest. SHA-1 is refused: its collisions are
/// practical, and every IdP Roster documents signs with SHA-256 by default. The key is only ever
/// one of the connection's certificates, never a KeyInfo the message carries.
/// </summary>
public static class SamlSignature
{
    private static readonly string[] SignatureMethods = [SignedXml.XmlDsigRSASHA256Url, SignedXml.XmlDsigRSASHA512Url];
    private static readonly string[] DigestMethods = [SignedXml.XmlDsigSHA256Url, SignedXml.XmlDsigSHA512Url];
    private static readonly string[] Transforms = [SignedXml.XmlDsigEnvelopedSignatureTransformUrl, SignedXml.XmlDsigExcC14NTransformUrl];

    /// <summary>Null when <paramref name="signature"/> is a good signature of <paramref name="element"/> by one of <paramref name="certificates"/>; else why not (for the log).</summary>
    public static string? Problem(XmlElement element, XmlElement signature, IReadOnlyList<string> certificates)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(signature);
        ArgumentNullException.ThrowIfNull(certificates);
        var id = element.GetAttribute("ID");
        if (id.Length == 0)
        {
            return "signed element without ID";
        }

        var xml = new ElementSignedXml(element, id);
        try
        {
            xml.LoadXml(signature);
        }
        catch (CryptographicException)
        {
            return "malformed signature";
        }

        var info = xml.SignedInfo!;
        if (info.CanonicalizationMethod != SignedXml.XmlDsigExcC14NTransformUrl)
        {
            return "canonicalization method not exclusive c14n";
        }

        if (!SignatureMethods.Contains(info.SignatureMethod, StringComparer.Ordinal))
        {
            return "signature method not RSA-SHA256/512";
        }

        if (info.References.Count != 1 || info.References[0] is not Reference reference || reference.Uri != "#" + id)
        {
            return "signature reference not the enveloping element";
        }

        if (!DigestMethods.Contains(reference.DigestMethod, StringComparer.Ordinal))
        {
            return "digest method not SHA-256/512";
        }

        foreach (Transform transform in reference.TransformChain)
        {
            if (!Transforms.Contains(transform.Algorithm, StringComparer.Ordinal))
            {
                return "transform not allowed";
            }
        }

        foreach (var certificate in certificates)
        {
            using var loaded = SsoCertificates.Load(certificate);
            using var key = loaded.GetRSAPublicKey();
            try
            {
                if (key is not null && xml.CheckSignature(key))
                {
                    return null;
                }
            }
            catch (CryptographicException)
            {
                return "malformed signature";
            }
        }

        return "signature not valid with the connection's certificates";
    }

    /// <summary>Resolves a Reference only to the element the signature sits in.</summary>
    private sealed class ElementSignedXml : SignedXml
    {
        private readonly XmlElement _element;
        private readonly string _id;

        public ElementSignedXml(XmlElement element, string id)
            : base(element)
        {
            _element = element;
            _id = id;
        }

        public override XmlElement? GetIdElement(XmlDocument? document, string idValue) =>
            string.Equals(_id, idValue, StringComparison.Ordinal) ? _element : null;
    }
}
