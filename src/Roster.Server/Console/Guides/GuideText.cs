using Microsoft.Extensions.Localization;

namespace Roster.Server.Console.Guides;

/// <summary>
/// Writes an identity provider's setup steps in the person's language: the sentences are the
/// console's (every one a literal, so <c>UntranslatedTextTests</c> checks it), the menu words the
/// provider's own (<see cref="IdpGuide"/>), the values this organization's.
/// </summary>
public sealed class GuideText(IStringLocalizer text)
{
    /// <summary>The NameID format Roster asks for: the person's email.</summary>
    public const string NameIdFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

    /// <summary>The SCIM attributes every provider should send: Roster matches on userName, the email.</summary>
    public const string ScimAttributes = "userName, name.givenName, name.familyName, emails[type eq \"work\"].value, active";

    private IStringLocalizer T { get; } = text;

    public IReadOnlyList<GuideStep> SingleSignOn(IdpGuide guide, GuideValues values)
    {
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(values);
        List<GuideStep> steps = [new(T["In {0}, create a SAML app: {1}.", guide.Name, guide.CreateApp])];
        if (guide.AsksForRosterValuesFirst && values.SamlConnection is null)
        {
            steps.Add(new(T["{0} asks for Roster's values before it shows its own: while this organization has no SAML connection, enter any https:// URL and replace it once the connection is added.", guide.Name]));
        }

        steps.Add(new(T["Paste the ACS URL into {0}.", guide.AcsField], Value(T["ACS URL (single sign-on URL, reply URL)"], values.AcsUrl)));
        steps.Add(new(T["Paste the SP entity ID into {0}.", guide.EntityIdField], Value(T["SP entity ID (audience)"], values.SpEntityId)));
        steps.Add(new(T["An identity provider that imports SP metadata can read it from this URL instead."], Value(T["SP metadata URL"], values.SpMetadataUrl)));
        steps.Add(new(T["Send the person's email as the NameID: {0}.", guide.NameId], [new(T["Name ID format"], NameIdFormat)]));
        steps.Add(new(
            T["Under {0}, send the first and last names with these attribute names. Roster also reads givenName, surname and the usual claim URIs, so the provider's defaults often work as they are.", guide.Attributes],
            [new(T["First name attribute"], "firstName"), new(T["Last name attribute"], "lastName")]));
        steps.Add(new(T["Sign the response or the assertion with SHA-256, and leave the assertion unencrypted: Roster refuses encrypted assertions."]));
        steps.Add(guide.MetadataIsFile
            ? new(T["Download the identity provider's metadata ({0}) and paste its XML into \"Add a SAML 2.0 connection\".", guide.Metadata], [], T["Login: Single sign-on (SSO)"], "/console/security/login/sso")
            : new(T["Copy the identity provider's metadata URL ({0}) into \"Add a SAML 2.0 connection\". Roster reads it again on \"Refresh from URL\", for new certificates.", guide.Metadata], [], T["Login: Single sign-on (SSO)"], "/console/security/login/sso"));
        steps.Add(new(T["Give the app to the people who sign in to Roster: {0}.", guide.Assign]));
        steps.Add(new(
            T["For OpenID Connect instead of SAML: register Roster's redirect URI in the provider's app, then add an OpenID Connect connection with its issuer, client ID and secret. The redirect URI is shown here once that connection exists."],
            Value(T["Callback URL (redirect URI)"], values.RedirectUri)));
        return steps;
    }

    /// <summary>The SCIM steps, or an empty list when the provider cannot provision a custom app.</summary>
    public IReadOnlyList<GuideStep> Provisioning(IdpGuide guide, GuideValues values)
    {
        ArgumentNullException.ThrowIfNull(guide);
        ArgumentNullException.ThrowIfNull(values);
        if (guide.Scim is not { } scim)
        {
            return [];
        }

        List<GuideStep> steps =
        [
            new(T["Turn provisioning on in the same app: {0}.", scim.Enable]),
            new(T["Paste the base connector URL into {0}. It is the /scim/v2 form with this organization's ID, which every identity provider takes; the other forms are listed on Login: SCIM provisioning.", scim.BaseUrlField],
                [new(T["Base connector URL"], values.ConnectorUrl)]),
            new(T["Choose {0} and paste a SCIM access token into {1}. Generate it on Login: SCIM provisioning: it is shown there once, never in this guide.", scim.Authentication, scim.TokenField],
                [], T["Generate access token"], "/console/security/login/scim"),
        ];
        if (guide == IdpGuides.Okta)
        {
            steps.Add(new(
                T["Or choose \"OAuth 2\": give Okta an access key's ID and secret and Roster's authorize and token URLs. Roster accepts Okta's own callback without registering it. Access keys are made on an employee's Security page."],
                [new(T["Authorize URL"], values.AuthorizeUrl), new(T["Token URL"], values.TokenUrl)], T["Employees"], "/console/employees"));
        }

        steps.Add(scim.UniqueIdField is { } unique
            ? new(T["Make userName the unique identifier: {0}. Roster matches people on it, and it holds the email.", unique])
            : new(T["Send the person's email as userName: Roster matches people on it."]));
        steps.Add(new(T["Map at least these attributes:"], [new(T["Attributes to map"], ScimAttributes)]));
        steps.Add(new(T["Test the connection ({0}), then turn on what it may do: {1}.", scim.Test, scim.Actions]));
        steps.Add(new(Quirks(guide)));
        return steps;
    }

    /// <summary>What the provider sends beyond the RFC that Roster accepts (docs/compatibility.md).</summary>
    private string Quirks(IdpGuide guide) =>
        guide == IdpGuides.Okta
            ? T["Roster accepts what Okta sends beyond the RFC: members removed by a filter or by a list, a member added or removed twice (answered 204), and null in a body read as absent."]
            : guide == IdpGuides.EntraId
                ? T["Roster accepts what Entra ID sends beyond the RFC: capitalised PATCH operations, booleans as strings, dotted attribute names without a path, a bare manager ID, and app roles sent as a JSON string."]
                : T["Roster reads attribute names and filter operators in any case, and null in a body as absent."];

    private static List<GuideValue> Value(string label, string? value) => value is null ? [] : [new(label, value)];
}
