using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Administration;
using Roster.Directory.Roles;
using Roster.Directory.Sso;
using Roster.Server.Tests.Sso;

namespace Roster.Console.Tests.Security;

/// <summary>
/// The per-IdP setup guides: each of the six opened from Login: Single sign-on (SSO) shows this
/// organization's own ACS URL and (where the IdP can provision a custom app) its base connector
/// URL, each with a Copy button, and never a token; a person who manages SCIM only reaches them
/// from the SCIM page; a person who may see neither page is refused.
/// </summary>
public sealed class SetupGuideTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    private static readonly (string Name, bool Scim)[] Guides =
    [
        ("Okta", true), ("Microsoft Entra ID", true), ("Google Workspace", false), ("OneLogin", true), ("JumpCloud", true), ("Ping Identity (PingOne)", true),
    ];

    [Fact]
    public async Task Each_guide_shows_this_organizations_acs_url_and_connector_url_to_copy()
    {
        var tenant = await SignInToNewTenantAsync();
        var connection = await CreateSamlConnectionAsync(tenant.OrgId, "Corporate SAML");
        var acs = Server.Url($"console/sso/{tenant.OrgId}/{connection}/saml/acs");
        var entityId = Server.Url($"console/sso/{tenant.OrgId}/{connection}/saml/metadata");
        var connector = Server.Url($"scim/v2/{tenant.OrgId}");

        foreach (var (name, scim) in Guides)
        {
            Open("console/security/login/sso");
            Browser.ClickToLoad(name);
            Assert.Equal($"Setup guide: {name}", Browser.Heading);
            var ssoValues = Values("sso-guide");
            Assert.Contains(acs, ssoValues);
            Assert.Contains(entityId, ssoValues);
            Assert.Contains("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", ssoValues);
            Browser.Sees("Roster's values below are those of the SAML connection 'Corporate SAML'.");
            if (scim)
            {
                Assert.Contains(connector, Values("scim-guide"));
                Assert.NotEmpty(Browser.Driver.FindElements(By.XPath("//section[@id='scim-guide']//a[@href='/console/security/login/scim']")));
            }
            else
            {
                Browser.Sees("provisions users automatically only to the apps in its catalogue");
            }

            // Every value shown has its Copy button, and no value is a credential.
            Assert.Equal(
                Browser.Driver.FindElements(By.CssSelector(".guide-steps code")).Count,
                Browser.Driver.FindElements(By.CssSelector(".guide-steps button.copy")).Count);
            Assert.DoesNotContain("roster_", Browser.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_person_who_manages_scim_only_reaches_the_guides_from_the_scim_page()
    {
        var tenant = await SignInToNewTenantAsync(Permission.ScimManage.Key);
        Open("console/security/login/scim");
        Browser.ClickToLoad("Microsoft Entra ID");

        Assert.Equal("Setup guide: Microsoft Entra ID", Browser.Heading);
        Assert.Contains(Server.Url($"scim/v2/{tenant.OrgId}"), Values("scim-guide"));
        Browser.Sees("This organization has no SAML connection yet");
        Browser.Sees("\"Tenant URL\"");
    }

    [Fact]
    public async Task A_person_who_may_see_neither_page_is_refused_and_an_unknown_guide_is_not_found()
    {
        await SignInToNewTenantAsync(Permission.EmployeesView.Key);
        using var http = SessionClient();

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await http.GetAsync(new Uri("console/security/login/guides/okta", UriKind.Relative))).StatusCode);

        var tenant = await SignInAgainAsync();
        using var allowed = SessionClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await allowed.GetAsync(new Uri("console/security/login/guides/keycloak", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await allowed.GetAsync(new Uri($"console/security/login/guides/okta?connection={Guid.NewGuid()}", UriKind.Relative))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await allowed.GetAsync(new Uri($"console/security/login/guides/okta?connection={await CreateSamlConnectionAsync(tenant.OrgId, "Other")}", UriKind.Relative))).StatusCode);
    }

    private async Task<ConsoleTenant> SignInAgainAsync()
    {
        SignOut();
        return await SignInToNewTenantAsync(Permission.SecurityLoginManage.Key);
    }

    private List<string> Values(string section) =>
        [.. Browser.Driver.FindElements(By.CssSelector($"#{section} .guide-steps code")).Select(c => c.Text)];

    private async Task<Guid> CreateSamlConnectionAsync(Guid orgId, string name)
    {
        var create = Server.Services.GetRequiredService<CreateSsoConnection>();
        var draft = new SsoConnectionDraft(
            Name: name, Enabled: true, IdpEntityId: "https://idp.example.net", IdpSsoUrl: "https://idp.example.net/sso", IdpCertificates: [SamlKey.Create().CertificatePem]);
        var result = await create.ExecuteAsync(AdminActor.Operator(orgId), SsoProtocol.Saml, draft, CancellationToken.None);
        Assert.True(result.IsSuccess, result.IsSuccess ? "" : result.Error.Detail);
        return result.Value.Id;
    }
}
