using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Onboarding;
using Roster.Directory.Operators;
using Roster.Directory.Tenants;
using Roster.Server.Tests.Sso;

namespace Roster.Console.Tests.Onboarding;

/// <summary>
/// A new organization from its first-run setup link to signing in through a real SAML IdP
/// (samlify, <c>tests/sso-idp</c>), all in Chromium: the first administrator is created, adds a
/// SAML connection from the IdP's metadata XML, gives the IdP Roster's SP metadata URL as shown
/// on the connection, signs out, and signs in SP-initiated at the connection's sign-in URL
/// (Roster's sign-in page has no email-first step): the IdP's login page posts its signed
/// response to Roster's ACS URL and the console opens, signed in as that administrator.
/// </summary>
public sealed class SamlSignInWalkTests(ConsoleServerFixture server, ChromiumBrowser browser, TestIdentityProviders idps)
    : ConsoleTest(server, browser), IClassFixture<TestIdentityProviders>
{
    [Fact]
    public async Task From_the_setup_link_to_signing_in_through_the_SAML_IdP()
    {
        var tenant = await Server.Services.GetRequiredService<ITenantService>().CreateAsync("Globex " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None);
        var issued = await Server.Services.GetRequiredService<IssueSetupLink>()
            .ExecuteAsync(OperatorActor.Cli, tenant.Id, SetupLinkTokens.DefaultLifetime, CancellationToken.None);
        Assert.True(issued.IsSuccess, issued.Error?.Detail);
        var email = $"first-{Guid.NewGuid():N}@example.com";
        var idp = await idps.CreateSamlIdpAsync(SamlKey.Create());
        using var http = new HttpClient();
        var metadata = await http.GetStringAsync(new Uri($"{idps.SamlBase}/saml/{idp.Id}/metadata"));

        Browser.GoTo(SetupLinkTokens.Link(Server.BaseAddress.ToString(), issued.Value.Token));
        Browser.Type("Work email", email);
        Browser.Type("First name", "Grace");
        Browser.Type("Last name", "Hopper");
        Browser.Type("Password", ConsoleServerFixture.Password);
        Browser.Type("Repeat the password", ConsoleServerFixture.Password);
        Browser.Click("Create the administrator and sign in");
        Browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);

        Browser.ClickToLoad("Login: Single sign-on (SSO)");
        Browser.Find(By.Id("SamlName")).SendKeys("Samlify");
        Browser.Find(By.Id("IdpMetadataXml")).SendKeys(metadata);
        Browser.ClickToLoad("Add SAML connection");
        Browser.Sees("Connection 'Samlify' added.");
        var spMetadata = Browser.Find(By.XPath("//code[contains(., '/saml/metadata')]")).Text;
        var signInUrl = Browser.Find(By.XPath("//code[contains(., '/start')]")).Text;
        Assert.StartsWith(Server.Url($"console/sso/{tenant.Id}/"), signInUrl, StringComparison.Ordinal);
        await idps.AddSamlSpAsync(idp, spMetadata);

        SignOut();
        Browser.GoTo(signInUrl);
        Browser.Sees("SAML identity provider");
        Browser.Type("Email", email);
        Browser.Click("Sign in to the IdP");

        Browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);
        Assert.StartsWith(Server.Url("console"), Browser.Driver.Url, StringComparison.Ordinal);
        Assert.Equal(tenant.Name, Browser.Heading);
        Browser.Sees(email);
    }
}
