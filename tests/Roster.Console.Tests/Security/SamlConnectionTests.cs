using Roster.Console.Tests.Infrastructure;
using Roster.Server.Tests.Sso;

namespace Roster.Console.Tests.Security;

/// <summary>
/// A SAML connection made, changed and deleted in Security &gt; Login in Chromium: from the
/// metadata XML of a real samlify IdP (<c>tests/sso-idp</c>), with Roster's values to copy shown;
/// a certificate that is none is refused next to its field; IdP-initiated sign-in turned on; the
/// only certificate cannot be unticked and "Refresh from URL" is disabled without a URL, each
/// with its reason.
/// </summary>
public sealed class SamlConnectionTests(ConsoleServerFixture server, ChromiumBrowser browser, TestIdentityProviders idps)
    : ConsoleTest(server, browser), IClassFixture<TestIdentityProviders>
{
    [Fact]
    public async Task A_SAML_connection_is_created_from_metadata_changed_and_deleted()
    {
        var idp = await idps.CreateSamlIdpAsync(SamlKey.Create());
        using var http = new HttpClient();
        var xml = await http.GetStringAsync(new Uri($"{idps.SamlBase}/saml/{idp.Id}/metadata"));
        var tenant = await SignInToNewTenantAsync();

        Open("console/security/login/sso");
        Browser.Find(By.Id("SamlName")).SendKeys("Okta SAML");
        Browser.Find(By.Id("IdpMetadataXml")).SendKeys(xml);
        Browser.ClickToLoad("Add SAML connection");
        Browser.Sees("Connection 'Okta SAML' added.");
        Browser.Sees($"/console/sso/{tenant.OrgId}/");
        Browser.Sees("/saml/acs");
        Browser.Sees("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        Browser.Sees("CN=Test SAML IdP");
        Assert.Equal(idp.EntityId, Browser.Find(By.XPath("//input[starts-with(@id, 'saml-entity-')]")).GetAttribute("value"));
        Assert.False(Browser.Find(By.XPath("//input[@name='KeepCertificates' and @type='checkbox']")).Enabled);
        Browser.Sees("The only certificate cannot be removed");
        Assert.False(Browser.Find(By.XPath("//button[normalize-space(.)='Refresh from URL']")).Enabled);
        Browser.Sees("No metadata URL is saved");
        Assert.False(Browser.Find(By.XPath("//input[@name='AllowIdpInitiated' and starts-with(@aria-describedby, 'idp-initiated-hint-')]")).Selected);

        Browser.Find(By.XPath("//textarea[starts-with(@id, 'saml-cert-')]")).SendKeys("not a certificate");
        Browser.ClickToLoad("Save SAML connection");
        Assert.Contains("X.509 certificate", Browser.ErrorFor("IdpCertificate"), StringComparison.Ordinal);

        var name = Browser.Find(By.XPath("//input[starts-with(@id, 'saml-name-')]"));
        name.Clear();
        name.SendKeys("Okta");
        Browser.Find(By.XPath("//textarea[starts-with(@id, 'saml-cert-')]")).Clear();
        Browser.Find(By.XPath("//input[@name='AllowIdpInitiated' and starts-with(@aria-describedby, 'idp-initiated-hint-')]/..")).Click();
        Browser.ClickToLoad("Save SAML connection");
        Browser.Sees("Connection 'Okta' saved.");
        Assert.True(Browser.Find(By.XPath("//input[@name='AllowIdpInitiated' and starts-with(@aria-describedby, 'idp-initiated-hint-')]")).Selected);

        Browser.ClickAndConfirm("Delete");
        Browser.Sees("Connection deleted.");
        Browser.Sees("No SSO connections yet.");
    }
}
