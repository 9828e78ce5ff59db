using Roster.Console.Tests.Infrastructure;
using Roster.Server.Tests.Sso;

namespace Roster.Console.Tests.Security;

/// <summary>
/// Security &gt; Login &gt; Single sign-on (SSO) in Chromium, against the real OpenID provider of
/// <c>tests/sso-idp</c>: an OpenID Connect connection, then "Single sign-on (SSO) only" with the
/// administrator as break-glass; after signing out, a person's password is refused with the
/// connection's button, and signing in through the IdP works.
/// </summary>
public sealed class SsoOnlyTests(ConsoleServerFixture server, ChromiumBrowser browser, TestIdentityProviders idps)
    : ConsoleTest(server, browser), IClassFixture<TestIdentityProviders>
{
    [Fact]
    public async Task Sso_only_refuses_the_password_and_signs_in_through_the_idp()
    {
        var tenant = await SignInToNewTenantAsync();
        var person = await Server.AddEmployeeAsync(tenant.OrgId, "audit.view");

        Open("console/security/login/sso");
        Browser.Sees("No SSO connections yet.");
        Assert.False(Browser.Find(By.Id("SsoOnly")).Enabled);
        Browser.Sees("Add and enable an SSO connection first");
        Browser.Find(By.Id("Name")).SendKeys("Test IdP");
        Browser.Find(By.Id("Issuer")).SendKeys(idps.OidcIssuer);
        Browser.Find(By.Id("ClientId")).SendKeys("registered-next");
        Browser.ClickToLoad("Add connection");
        Browser.Sees("Connection 'Test IdP' added.");

        var callback = Browser.Find(By.XPath("//code[contains(., '/callback')]")).Text;
        var (clientId, clientSecret) = await idps.RegisterClientAsync(callback);
        var client = Browser.Find(By.XPath("//input[starts-with(@id, 'client-')]"));
        client.Clear();
        client.SendKeys(clientId);
        Browser.Find(By.XPath("//input[starts-with(@id, 'secret-')]")).SendKeys(clientSecret);
        Browser.ClickToLoad("Save connection");
        Browser.Sees("Connection 'Test IdP' saved.");

        Browser.Check("Single sign-on (SSO) only");
        Browser.Find(By.Id("AddBreakGlass")).SendKeys(tenant.AdminEmail);
        Browser.ClickToLoad("Save");
        Browser.Sees("Single sign-on (SSO) only is on.");
        SignOut();

        Open("console/sign-in");
        Browser.Type("Email", person);
        Browser.Type("Password", ConsoleServerFixture.Password);
        Browser.ClickToLoad("Sign in");
        Browser.Sees("single sign-on only");
        Browser.ClickToLoad("Sign in with Test IdP");
        Browser.Type("Email", person);
        Browser.ClickToLoad("Sign in to the IdP");
        Browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);
        Browser.Sees(person);
    }
}
