using System.Globalization;
using System.Xml;
using Roster.Directory.Sso;

namespace Roster.Server.Console.Sso;

/// <summary>
/// Reads a SAML response posted to the ACS (HTTP-POST binding) and checks everything that needs
/// no database: the XML parsed without DTDs or external resources; exactly one Assertion, a
/// child of the Response (no EncryptedAssertion); no two elements with one ID; a good signature
/// (<see cref="SamlSignature"/>) on the Response or the Assertion, and no signature anywhere
/// else; the Issuer; status Success; Destination and Recipient the ACS; Audience Roster's
/// entity ID; NotBefore and NotOnOrAfter with the connection's clock skew. Every value is read
/// from the signed elements themselves. The endpoint then checks <c>InResponseTo</c> and that
/// the assertion is used once.
/// </summary>
public static class SamlResponseReader
{
    /// <summary>The largest response accepted, as XML (its base64 is a third longer).</summary>
    public const int MaxResponseBytes = 256 * 1024;

    private const string Unreadable = "Roster could not read this answer from your identity provider as a SAML response. Start again from the sign-in page; if it happens again, tell your administrator.";
    private const string NotTrusted = "This answer from your identity provider is not one Roster can trust: it is not signed as your organization's connection requires, or it was changed on the way. Start again from the sign-in page; if it happens again, tell your administrator.";
    private const string NotForRoster = "This answer from your identity provider was not made for this Roster connection (another address or audience). Ask your administrator to check the values Roster shows for the connection at the identity provider.";
    private const string OutOfTime = "This answer from your identity provider is outside the time it is valid for (it came too late, or the clocks differ). Start again from the sign-in page.";

    public static (SamlAssertionFacts? Facts, SamlRejection? Rejection) Read(string? samlResponse, SamlSettings idp, SamlServiceProvider sp, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(idp);
        ArgumentNullException.ThrowIfNull(sp);
        var document = Parse(samlResponse, out var parseProblem);
        if (document?.DocumentElement is not { } response)
        {
            return Reject(parseProblem ?? "no document", Unreadable);
        }

        if (response.LocalName != "Response" || response.NamespaceURI != SamlNames.Protocol)
        {
            return Reject("not a samlp:Response", Unreadable);
        }

        if (document.GetElementsByTagName("EncryptedAssertion", SamlNames.Assertion).Count > 0)
        {
            return Reject("encrypted assertion", "Your identity provider encrypted its assertion, which Roster does not accept (the connection to Roster runs over HTTPS already). Ask your administrator to turn assertion encryption off for Roster's app.");
        }

        var assertions = document.GetElementsByTagName("Assertion", SamlNames.Assertion).OfType<XmlElement>().ToList();
        if (assertions.Count != 1 || assertions[0].ParentNode != response)
        {
            return Reject($"{assertions.Count} assertions, or one not under the Response", NotTrusted);
        }

        var assertion = assertions[0];
        if (DuplicateId(document))
        {
            return Reject("two elements with one ID", NotTrusted);
        }

        // Signatures: at most one in the Response and one in the Assertion, each good; none anywhere else.
        var responseSignatures = Children(response, SamlNames.XmlDsig, "Signature");
        var assertionSignatures = Children(assertion, SamlNames.XmlDsig, "Signature");
        var allSignatures = document.GetElementsByTagName("Signature", SamlNames.XmlDsig).Count;
        if (responseSignatures.Count > 1 || assertionSignatures.Count > 1 || allSignatures != responseSignatures.Count + assertionSignatures.Count)
        {
            return Reject("signature elsewhere than in the Response or the Assertion", NotTrusted);
        }

        if (allSignatures == 0)
        {
            return Reject("unsigned", NotTrusted);
        }

        foreach (var (signed, signature) in new[] { (response, responseSignatures), (assertion, assertionSignatures) })
        {
            if (signature.Count == 1 && SamlSignature.Problem(signed, signature[0], idp.IdpCertificates) is { } badSignature)
            {
                return Reject($"{signed.LocalName}: {badSignature}", NotTrusted);
            }
        }

        var responseSigned = responseSignatures.Count == 1;
        return Check(response, assertion, responseSigned, idp, sp, now);
    }

    private static (SamlAssertionFacts?, SamlRejection?) Check(XmlElement response, XmlElement assertion, bool responseSigned, SamlSettings idp, SamlServiceProvider sp, DateTimeOffset now)
    {
        var skew = TimeSpan.FromSeconds(idp.ClockSkewSeconds);
        var responseIssuer = Child(response, SamlNames.Assertion, "Issuer");
        var assertionIssuer = Child(assertion, SamlNames.Assertion, "Issuer");
        if (Text(assertionIssuer) != idp.IdpEntityId || (responseIssuer is not null && Text(responseIssuer) != idp.IdpEntityId))
        {
            return Reject("issuer is not the connection's IdP", "This answer comes from another identity provider than the one this connection trusts. Ask your administrator to check the connection's entity ID.");
        }

        var status = Child(Child(response, SamlNames.Protocol, "Status"), SamlNames.Protocol, "StatusCode")?.GetAttribute("Value");
        if (status != SamlNames.Success)
        {
            return Reject($"status {Shorten(status)}", "Your identity provider did not sign you in (its answer was not a success). Start again from the sign-in page, or ask your administrator whether you are assigned to Roster's app.");
        }

        if (response.GetAttribute("Destination") != sp.AcsUrl)
        {
            return Reject("destination is not the ACS", NotForRoster);
        }

        var conditions = Child(assertion, SamlNames.Assertion, "Conditions");
        var restrictions = conditions is null ? [] : Children(conditions, SamlNames.Assertion, "AudienceRestriction");
        if (restrictions.Count == 0 || restrictions.Any(r => !Children(r, SamlNames.Assertion, "Audience").Any(a => Text(a) == sp.EntityId)))
        {
            return Reject("audience is not Roster's entity ID", NotForRoster);
        }

        if (!Time(conditions!, "NotBefore", out var notBefore) || !Time(conditions!, "NotOnOrAfter", out var notOnOrAfter))
        {
            return Reject("conditions' times unreadable", Unreadable);
        }

        if ((notBefore is { } starts && now + skew < starts) || (notOnOrAfter is { } ends && now - skew >= ends))
        {
            return Reject("outside the conditions' NotBefore/NotOnOrAfter", OutOfTime);
        }

        var subject = Child(assertion, SamlNames.Assertion, "Subject");
        var confirmations = subject is null ? [] : Children(subject, SamlNames.Assertion, "SubjectConfirmation").Where(c => c.GetAttribute("Method") == SamlNames.Bearer).ToList();
        if (confirmations.Count != 1 || Child(confirmations[0], SamlNames.Assertion, "SubjectConfirmationData") is not { } data)
        {
            return Reject("not exactly one bearer subject confirmation", Unreadable);
        }

        if (data.GetAttribute("Recipient") != sp.AcsUrl)
        {
            return Reject("recipient is not the ACS", NotForRoster);
        }

        if (!Time(data, "NotBefore", out var dataNotBefore) || !Time(data, "NotOnOrAfter", out var dataNotOnOrAfter) || dataNotOnOrAfter is null)
        {
            return Reject("subject confirmation's times missing or unreadable", Unreadable);
        }

        if ((dataNotBefore is { } dataStarts && now + skew < dataStarts) || now - skew >= dataNotOnOrAfter)
        {
            return Reject("outside the subject confirmation's NotBefore/NotOnOrAfter", OutOfTime);
        }

        // InResponseTo is taken from a signed element only: the confirmation inside the assertion,
        // or the Response when it is signed. A Response that is not signed could claim any request.
        var confirmed = Optional(data.GetAttribute("InResponseTo"));
        var answered = Optional(response.GetAttribute("InResponseTo"));
        if (confirmed is not null && answered is not null && confirmed != answered)
        {
            return Reject("InResponseTo differs between Response and Assertion", NotTrusted);
        }

        var inResponseTo = confirmed ?? (responseSigned ? answered : null);
        var assertionId = assertion.GetAttribute("ID");
        var identity = Identity(assertion, subject!, idp);
        if (identity is null)
        {
            return Reject("no readable email (NameID or attribute; an XML comment inside is refused)", idp.EmailAttribute is null
                ? "Your identity provider did not send your email as the NameID in a form Roster can read. Ask your administrator to send the email address as the NameID."
                : $"Your identity provider did not send your email in the attribute '{idp.EmailAttribute}' in a form Roster can read. Ask your administrator to release it to Roster's app.");
        }

        var until = (notOnOrAfter is { } conditionEnds && conditionEnds > dataNotOnOrAfter ? conditionEnds : dataNotOnOrAfter.Value) + skew;
        return (new SamlAssertionFacts(assertionId, until, inResponseTo, identity), null);
    }

    private static SsoIdentity? Identity(XmlElement assertion, XmlElement subject, SamlSettings idp)
    {
        var attributes = Child(assertion, SamlNames.Assertion, "AttributeStatement") is { } statement
            ? Children(statement, SamlNames.Assertion, "Attribute")
            : [];
        var email = idp.EmailAttribute is null ? PlainText(Child(subject, SamlNames.Assertion, "NameID")) : Attribute(attributes, [idp.EmailAttribute]);
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var given = Attribute(attributes, idp.GivenNameAttribute is { } g ? [g] : ["firstName", "givenName", "given_name", "urn:oid:2.5.4.42", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname"]);
        var family = Attribute(attributes, idp.FamilyNameAttribute is { } f ? [f] : ["lastName", "surname", "sn", "family_name", "urn:oid:2.5.4.4", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"]);
        return new SsoIdentity(email.Trim(), given?.Trim(), family?.Trim());
    }

    private static string? Attribute(List<XmlElement> attributes, string[] names)
    {
        foreach (var name in names)
        {
            var found = attributes.FirstOrDefault(a => a.GetAttribute("Name") == name);
            if (found is not null)
            {
                return PlainText(Child(found, SamlNames.Assertion, "AttributeValue"));
            }
        }

        return null;
    }

    /// <summary>
    /// An element's text when it holds nothing but text. A comment inside is refused: signatures
    /// are computed without comments, so <c>a@x.com&lt;!----&gt;.evil.com</c> keeps the signature
    /// of the IdP's <c>a@x.com.evil.com</c> while a reader of the first text node sees another person.
    /// </summary>
    private static string? PlainText(XmlElement? element)
    {
        if (element is null || element.ChildNodes.Cast<XmlNode>().Any(n => n.NodeType is not (XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace)))
        {
            return null;
        }

        return element.InnerText;
    }

    private static XmlDocument? Parse(string? samlResponse, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(samlResponse) || samlResponse.Length > (MaxResponseBytes / 3 * 4) + 4)
        {
            problem = "SAMLResponse missing or too large";
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(samlResponse);
        }
        catch (FormatException)
        {
            problem = "SAMLResponse not base64";
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxResponseBytes,
            MaxCharactersFromEntities = 0,
            IgnoreProcessingInstructions = true,
        };
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            document.Load(reader);
            return document;
        }
        catch (XmlException e)
        {
            problem = "not well-formed XML, or a DTD: " + Shorten(e.Message);
            return null;
        }
    }

    private static bool DuplicateId(XmlDocument document)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in document.GetElementsByTagName("*").OfType<XmlElement>())
        {
            foreach (XmlAttribute attribute in element.Attributes)
            {
                if (attribute.NamespaceURI.Length == 0 && attribute.LocalName is "ID" or "Id" or "id" && !seen.Add(attribute.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool Time(XmlElement element, string attribute, out DateTimeOffset? value)
    {
        value = null;
        if (!element.HasAttribute(attribute))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(element.GetAttribute(attribute), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    private static List<XmlElement> Children(XmlElement parent, string ns, string name) =>
        [.. parent.ChildNodes.OfType<XmlElement>().Where(e => e.LocalName == name && e.NamespaceURI == ns)];

    private static XmlElement? Child(XmlElement? parent, string ns, string name) =>
        parent is null ? null : Children(parent, ns, name) is [var only] ? only : null;

    private static string? Text(XmlElement? element) => PlainText(element)?.Trim();

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    private static string Shorten(string? text) => text is null ? "none" : text.Length <= 120 ? text : text[..120];

    private static (SamlAssertionFacts?, SamlRejection?) Reject(string reason, string detail) => (null, new SamlRejection(reason, detail));
}
