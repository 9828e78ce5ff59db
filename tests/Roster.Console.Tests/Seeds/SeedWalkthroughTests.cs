using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Seeds;

/// <summary>
/// Seeds 002, 003 and 004 walked in the console from sign-in to a working identity provider
/// connection, then a SCIM create over HTTP and its result on the provisioning activity page.
/// (Seeds 000 and 001 are walked by the access key tests.)
/// </summary>
public sealed class SeedWalkthroughTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task Seed_002_an_app_registration_authenticates_with_the_code_flow_and_provisions()
    {
        var tenant = await SignInToNewTenantAsync();
        // A loopback callback on Roster itself stands for Okta's: the browser here reaches no other
        // host. Plain http is for loopback and public apps only (RFC 8252), so the app is "User,
        // public", the guide's other choice, and proves itself with PKCE instead of a secret.
        var callback = Server.Url("health");
        var verifier = "seed-002-" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        var challenge = System.Buffers.Text.Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

        Browser.ClickToLoad("App registrations");
        Browser.ClickToLoad("Register an app");
        Browser.Type("App name", "Okta CXone Integration");
        Browser.Type("Technical contacts (emails)", "it@example.cn");
        Browser.Field("User, public").Click();
        Browser.Type("Redirect URLs", callback);
        Browser.ClickToLoad("Register");
        var clientId = Browser.ValueOf("client-id");

        // "Authenticate with CXone": Okta sends the signed-in administrator to the authorize URL.
        Browser.GoTo(Server.Url($"auth/authorize?scope=openid&client_id={Uri.EscapeDataString(clientId)}&response_type=code&redirect_uri={Uri.EscapeDataString(callback)}&state=okta" +
            $"&code_challenge={challenge}&code_challenge_method=S256"));
        Browser.Sees("Allow Okta CXone Integration to act for you?");
        Browser.Click("Allow");
        var back = new Uri(Browser.Until(d => d.Url.StartsWith(callback, StringComparison.Ordinal) ? d.Url : null)!);
        var query = HttpUtility.ParseQueryString(back.Query);
        Assert.Equal("okta", query["state"]);
        var accessToken = await CredentialCalls.ExchangeCodeAsync(Server, query["code"]!, callback, clientId, clientSecret: null, codeVerifier: verifier);

        Assert.Equal(HttpStatusCode.Created, await CredentialCalls.CreateUserAsync(Server, tenant.OrgId, accessToken, "li.wei@example.cn"));
        Open("console/provisioning/activity");
        Assert.Contains("Okta", Browser.Find(By.Id("by-client")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_003_MoEngage_generates_its_access_token_on_the_SCIM_page_and_provisions()
    {
        var tenant = await SignInToNewTenantAsync();

        Browser.Click("Login: SCIM provisioning");
        Assert.True(Browser.Field("Enable SCIM provisioning").Selected);
        var connector = Browser.Find(By.Id("connector-url")).Text;
        Browser.ClickToLoad("Generate access token");
        var token = Browser.ValueOf("issued-token");

        Assert.Equal(Server.Url($"scim/v2/{tenant.OrgId}"), connector);
        Assert.Equal(HttpStatusCode.Created, await CredentialCalls.CreateUserAsync(Server, tenant.OrgId, token, "ana@example.com"));
        Open("console/security/login/scim");
        Assert.Contains("Active", Browser.Find(By.Id("scim-status")).Text, StringComparison.Ordinal);
        Open("console/provisioning/activity");
        Assert.Contains("Okta", Browser.Find(By.Id("by-client")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_004_Webex_with_Entra_ID_gets_a_token_from_the_SCIM_tokens_page_and_provisions()
    {
        var tenant = await SignInToNewTenantAsync();

        Browser.ClickToLoad("Account settings: SCIM tokens");
        Browser.Select("User", Browser.Find(By.CssSelector("#OwnerId option:nth-child(2)")).Text);
        Browser.Type("Name", "Entra ID");
        Browser.ClickToLoad("Generate");
        var token = Browser.ValueOf("issued-token");

        Assert.Equal(HttpStatusCode.Created, await CredentialCalls.CreateUserAsync(Server, tenant.OrgId, token, "kenji@example.com", "Azure AD SCIM Provisioning Service"));
        Open("console/provisioning/activity");
        Assert.Contains("Entra ID", Browser.Find(By.Id("by-client")).Text, StringComparison.Ordinal);
    }
}
