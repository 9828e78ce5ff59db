namespace Roster.Server.Console.Guides;

/// <summary>
/// The identity providers with a setup guide, in the order the console lists them. The menu words
/// are each provider's own (from its administrator documentation); quotes mark a label as the
/// provider shows it, words without quotes describe a place whose label varies.
/// </summary>
public static class IdpGuides
{
    public static readonly IdpGuide Okta = new(
        Key: "okta",
        Name: "Okta",
        CreateApp: "Applications > Applications > \"Create App Integration\" > \"SAML 2.0\"",
        AcsField: "\"Single sign-on URL\" (with \"Use this for Recipient URL and Destination URL\")",
        EntityIdField: "\"Audience URI (SP Entity ID)\"",
        NameId: "\"Name ID format\" EmailAddress, \"Application username\" Email",
        Attributes: "\"Attribute Statements\"",
        Metadata: "the app's \"Sign On\" tab, \"Identity Provider metadata\"",
        MetadataIsFile: false,
        Assign: "the app's \"Assignments\" tab",
        AsksForRosterValuesFirst: true,
        Scim: new IdpScimSetup(
            Enable: "the app's \"General\" tab > \"App Settings\" > \"Edit\" > \"Provisioning\": SCIM",
            BaseUrlField: "\"SCIM connector base URL\" (\"Provisioning\" tab > \"Integration\")",
            Authentication: "\"Authentication Mode\": \"HTTP Header\"",
            TokenField: "\"Authorization\" (Bearer)",
            UniqueIdField: "\"Unique identifier field for users\"",
            Test: "\"Test Connector Configuration\"",
            Actions: "\"Provisioning\" tab > \"To App\" > \"Edit\": \"Create Users\", \"Update User Attributes\", \"Deactivate Users\""));

    public static readonly IdpGuide EntraId = new(
        Key: "entra-id",
        Name: "Microsoft Entra ID",
        CreateApp: "\"Enterprise applications\" > \"New application\" > \"Create your own application\" > \"Integrate any other application you don't find in the gallery (Non-gallery)\", then \"Single sign-on\" > \"SAML\"",
        AcsField: "\"Basic SAML Configuration\" > \"Reply URL (Assertion Consumer Service URL)\"",
        EntityIdField: "\"Basic SAML Configuration\" > \"Identifier (Entity ID)\"",
        NameId: "\"Attributes & Claims\" > \"Unique User Identifier (Name ID)\": user.mail (or user.userprincipalname when it is the email), format \"Email address\"",
        Attributes: "\"Attributes & Claims\"",
        Metadata: "\"SAML Certificates\" > \"App Federation Metadata Url\"",
        MetadataIsFile: false,
        Assign: "\"Users and groups\" > \"Add user/group\"",
        AsksForRosterValuesFirst: false,
        Scim: new IdpScimSetup(
            Enable: "the app's \"Provisioning\" > \"Provisioning Mode\": \"Automatic\"",
            BaseUrlField: "\"Admin Credentials\" > \"Tenant URL\"",
            Authentication: "\"Admin Credentials\"",
            TokenField: "\"Secret Token\"",
            UniqueIdField: "\"Mappings\" > \"Provision Microsoft Entra ID Users\": userName with \"Matching precedence\" 1 (from userPrincipalName)",
            Test: "\"Test Connection\"",
            Actions: "\"Provisioning Status\": \"On\", then \"Save\""));

    public static readonly IdpGuide GoogleWorkspace = new(
        Key: "google-workspace",
        Name: "Google Workspace",
        CreateApp: "the Admin console's \"Apps\" > \"Web and mobile apps\" > \"Add app\" > \"Add custom SAML app\"",
        AcsField: "\"Service provider details\" > \"ACS URL\"",
        EntityIdField: "\"Service provider details\" > \"Entity ID\"",
        NameId: "\"Name ID format\" EMAIL, \"Name ID\" \"Basic Information > Primary email\"",
        Attributes: "\"Attribute mapping\" (\"First name\", \"Last name\")",
        Metadata: "\"Google Identity Provider details\" > \"Download metadata\"",
        MetadataIsFile: true,
        Assign: "the app's \"User access\": ON for everyone or for an organizational unit",
        AsksForRosterValuesFirst: false,
        Scim: null);

    public static readonly IdpGuide OneLogin = new(
        Key: "onelogin",
        Name: "OneLogin",
        CreateApp: "\"Applications\" > \"Add App\" > \"SCIM Provisioner with SAML (SCIM v2 Enterprise)\"",
        AcsField: "the \"Configuration\" tab > \"SAML Consumer URL\"",
        EntityIdField: "the \"Configuration\" tab > \"SAML Audience URL\"",
        NameId: "the NameID on the \"Parameters\" tab: Email",
        Attributes: "the \"Parameters\" tab (each included in the SAML assertion)",
        Metadata: "the \"SSO\" tab > \"Issuer URL\"",
        MetadataIsFile: false,
        Assign: "a user's or a role's \"Applications\"",
        AsksForRosterValuesFirst: false,
        Scim: new IdpScimSetup(
            Enable: "the \"Provisioning\" tab > \"Enable provisioning\"",
            BaseUrlField: "the \"Configuration\" tab > \"SCIM Base URL\"",
            Authentication: "the \"Configuration\" tab",
            TokenField: "\"SCIM Bearer Token\"",
            UniqueIdField: null,
            Test: "\"API Connection\" > \"Enable\"",
            Actions: "the \"Provisioning\" tab: create, update and delete users"));

    public static readonly IdpGuide JumpCloud = new(
        Key: "jumpcloud",
        Name: "JumpCloud",
        CreateApp: "\"SSO Applications\" > \"Add New Application\" > \"Custom Application\", with single sign-on by SAML",
        AcsField: "the SSO tab > \"ACS URLs\" (the default URL)",
        EntityIdField: "the SSO tab > \"SP Entity ID\"",
        NameId: "\"SAMLSubject NameID\" email, \"SAMLSubject NameID Format\" urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
        Attributes: "the SSO tab's user attributes",
        Metadata: "the SSO tab > \"Export Metadata\"",
        MetadataIsFile: true,
        Assign: "the app's \"User Groups\" tab",
        AsksForRosterValuesFirst: true,
        Scim: new IdpScimSetup(
            Enable: "the app's \"Identity Management\" tab, SCIM 2.0",
            BaseUrlField: "\"Base URL\"",
            Authentication: "the \"Identity Management\" tab",
            TokenField: "\"Token Key\"",
            UniqueIdField: null,
            Test: "\"Test Connection\"",
            Actions: "\"Activate\", then \"Save\""));

    public static readonly IdpGuide PingIdentity = new(
        Key: "ping-identity",
        Name: "Ping Identity (PingOne)",
        CreateApp: "\"Applications\" > \"Applications\" > \"+\" > \"SAML Application\", entering the metadata by hand",
        AcsField: "\"ACS URLs\"",
        EntityIdField: "\"Entity ID\"",
        NameId: "the attribute mapping of saml_subject: Email Address",
        Attributes: "\"Attribute Mappings\"",
        Metadata: "the app's \"Configuration\" tab > \"IDP Metadata URL\"",
        MetadataIsFile: false,
        Assign: "the app's \"Access\" tab, then turn the app on",
        AsksForRosterValuesFirst: true,
        Scim: new IdpScimSetup(
            Enable: "\"Integrations\" > \"Provisioning\": a new SCIM outbound connection",
            BaseUrlField: "the connection's SCIM base URL",
            Authentication: "the connection's authentication method: OAuth 2 bearer token",
            TokenField: "the connection's access token",
            UniqueIdField: null,
            Test: "the connection's test",
            Actions: "a provisioning rule with this connection, turned on"));

    public static IReadOnlyList<IdpGuide> All { get; } = [Okta, EntraId, GoogleWorkspace, OneLogin, JumpCloud, PingIdentity];

    public static IdpGuide? Find(string? key) => All.FirstOrDefault(g => string.Equals(g.Key, key, StringComparison.OrdinalIgnoreCase));
}
