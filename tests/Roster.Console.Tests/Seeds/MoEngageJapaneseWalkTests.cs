using System.Net;
using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Administration;
using Roster.Directory.Roles;
using Roster.Server.Tests.Sso;

namespace Roster.Console.Tests.Seeds;

/// <summary>
/// MoEngage's setup order (seed 003), walked by a Japanese reader in a Chromium that asks for
/// Japanese: a SAML connection from the IdP's metadata, then "Single sign-on (SSO) only" with the
/// administrator as break-glass and "SCIM requires SSO only", then SCIM provisioning on, the
/// default role, and "Generate access token", whose token provisions. Every label and notice on
/// the way is asserted in Japanese as <c>ConsoleText.ja.resx</c> has it; an English word left on
/// the path fails the page's check for untranslated text.
/// </summary>
[Collection(ConsoleCollectionDefinition.Name)]
public sealed class MoEngageJapaneseWalkTests : IClassFixture<JapaneseChromiumBrowser>, IClassFixture<TestIdentityProviders>
{
    private readonly ConsoleServerFixture _server;
    private readonly ChromiumBrowser _browser;
    private readonly TestIdentityProviders _idps;

    public MoEngageJapaneseWalkTests(ConsoleServerFixture server, JapaneseChromiumBrowser japanese, TestIdentityProviders idps)
    {
        ArgumentNullException.ThrowIfNull(japanese);
        _server = server;
        _browser = japanese.Browser;
        _idps = idps;
        _browser.Reset(server.BaseAddress);
    }

    [Fact]
    public async Task Sso_only_then_scim_on_then_the_default_role_then_the_token_in_japanese()
    {
        var tenant = await _server.CreateTenantAsync(Permission.All.Select(p => p.Key).ToArray());
        await _server.TurnScimOffAsync(tenant.OrgId);
        var created = await _server.Services.GetRequiredService<CreateRole>().ExecuteAsync(AdminActor.Operator(tenant.OrgId), "Agent", [], CancellationToken.None);
        Assert.True(created.IsSuccess);
        var idp = await _idps.CreateSamlIdpAsync(SamlKey.Create());
        using var http = new HttpClient();
        var metadata = await http.GetStringAsync(new Uri($"{_idps.SamlBase}/saml/{idp.Id}/metadata"));

        _browser.GoTo(_server.Url("console/sign-in"));
        _browser.Find(By.Id("Email")).SendKeys(tenant.AdminEmail);
        _browser.Find(By.Id("Password")).SendKeys(ConsoleServerFixture.Password);
        _browser.Find(By.CssSelector("form.form button[type=submit]")).Click();
        _browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);

        // SSO first: the connection, from the IdP's metadata.
        _browser.ClickToLoad(JapaneseText.Of("Login: Single sign-on (SSO)"));
        Assert.Equal(JapaneseText.Of("Login: Single sign-on (SSO)"), _browser.Heading);
        _browser.Find(By.Id("SamlName")).SendKeys("Samlify");
        _browser.Find(By.Id("IdpMetadataXml")).SendKeys(metadata);
        _browser.ClickToLoad(JapaneseText.Of("Add SAML connection"));
        _browser.Sees(JapaneseText.Of("Connection '{0}' added. Copy Roster's values below into your identity provider.", "Samlify"));

        // Then SSO only, with the administrator as break-glass, and SCIM requiring it.
        _browser.Check(JapaneseText.Of("Single sign-on (SSO) only"));
        _browser.Type(JapaneseText.Of("Add by email"), tenant.AdminEmail);
        _browser.Check(JapaneseText.Of("SCIM provisioning requires SSO only"));
        _browser.Find(By.CssSelector("#sso-settings button[type=submit]")).Click();
        _browser.Sees(JapaneseText.Of("Single sign-on (SSO) only is on. Settings saved."));
        AssertNoEnglishOnThePage();

        // Then SCIM: on, the default role, and the token.
        _browser.ClickToLoad(JapaneseText.Of("Login: SCIM provisioning"));
        Assert.Equal(JapaneseText.Of("Login: SCIM provisioning"), _browser.Heading);
        _browser.Check(JapaneseText.Of("Enable SCIM provisioning"));
        _browser.Select(JapaneseText.Of("Default role"), "Agent");
        _browser.ClickToLoad(JapaneseText.Of("Generate access token"));
        _browser.Sees(JapaneseText.Of("SCIM provisioning is on. Settings saved."));
        _browser.Sees(JapaneseText.Of("Access token generated"));
        var token = _browser.ValueOf("issued-token");
        AssertNoEnglishOnThePage();

        Assert.Equal(HttpStatusCode.Created, await CredentialCalls.CreateUserAsync(_server, tenant.OrgId, token, "moengage-ja@example.com"));
        _browser.GoTo(_server.Url("console/security/login/scim"));
        Assert.True(_browser.Field(JapaneseText.Of("Enable SCIM provisioning")).Selected);
        Assert.Equal("Agent", new OpenQA.Selenium.Support.UI.SelectElement(_browser.Field(JapaneseText.Of("Default role"))).SelectedOption.Text);
    }

    /// <summary>
    /// The page's own words are Japanese: what is left in Latin letters is a name, a URL, an ID or
    /// a protocol's term. Sentences of three English words or more are a localization gap.
    /// </summary>
    private void AssertNoEnglishOnThePage()
    {
        var text = (string?)_browser.Driver.ExecuteScript(
            "const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);" +
            "const out = []; let n; while ((n = walker.nextNode())) { const p = n.parentElement; if (!p.closest('code, script, option, textarea, [translate=no]')) out.push(n.textContent); }" +
            "return out.join('\\n');");
        var english = System.Text.RegularExpressions.Regex.Matches(text ?? "", @"\b[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}\b")
            .Select(m => m.Value)
            .Where(s => !Allowed.Any(a => s.Contains(a, StringComparison.Ordinal)))
            .ToList();
        Assert.True(english.Count == 0, "English on a Japanese page:\n" + string.Join("\n", english));
    }

    /// <summary>Names and terms that stay as they are in Japanese text.</summary>
    private static readonly string[] Allowed = ["Single sign-on", "SAML", "OpenID Connect", "Okta", "Entra", "Google Workspace", "Ping Identity", "Microsoft", "CXone", "Webex", "SSO", "SCIM"];
}
