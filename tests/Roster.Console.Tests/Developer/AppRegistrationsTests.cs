using System.Net;
using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Developer;

/// <summary>Developer &gt; App registrations, filled in as seed 002 says for Okta's "Authenticate with" button.</summary>
public sealed class AppRegistrationsTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    private const string OktaCallback = "https://system-admin.okta.com/admin/app/cpc/rosterintegration/oauth/callback";

    [Fact]
    public async Task A_registered_app_shows_its_client_secret_once_next_to_the_endpoints()
    {
        await SignInToNewTenantAsync();

        Browser.ClickToLoad("App registrations");
        Assert.Equal(Server.Url("auth/token"), Browser.Find(By.Id("token-endpoint")).Text);
        Assert.Equal(Server.Url("auth/authorize?scope=openid"), Browser.Find(By.Id("authorize-endpoint")).Text);
        Browser.Sees("No apps registered yet.");
        Browser.ClickToLoad("Register an app");
        Browser.Type("App name", "Okta RosterIntegration");
        Browser.Type("Description", "Integrates Okta with Roster through SCIM");
        Browser.Type("Technical contacts (emails)", "it@example.com\nsecurity@example.com");
        Browser.Field("User, confidential").Click();
        Browser.Type("Redirect URLs", OktaCallback);
        Browser.ClickToLoad("Register");

        Browser.Sees("App 'Okta RosterIntegration' registered");
        Browser.Sees("you will not see it again");
        var clientId = Browser.ValueOf("client-id");
        var secret = Browser.ValueOf("client-secret");
        Assert.StartsWith("roster_app_", clientId, StringComparison.Ordinal);
        Assert.StartsWith("roster_cs_", secret, StringComparison.Ordinal);
        Browser.Sees("client_secret_post");

        Browser.Driver.Navigate().Refresh();
        Assert.Empty(Browser.Driver.FindElements(By.Id("client-secret")));
        Browser.ClickToLoad("App registrations");
        Assert.DoesNotContain(secret, Browser.Driver.PageSource, StringComparison.Ordinal);
        var row = Browser.Find(By.Id("apps")).Text;
        Assert.Contains(clientId, row, StringComparison.Ordinal);
        Assert.Contains("user-confidential", row, StringComparison.Ordinal);
        Assert.Contains(OktaCallback, row, StringComparison.Ordinal);

        Browser.ClickAndConfirm("Revoke consents");
        Browser.Sees("Consents to 'Okta RosterIntegration' revoked");
        Browser.ClickAndConfirm("Delete");
        Browser.Sees("App 'Okta RosterIntegration' deleted");
        Browser.Sees("No apps registered yet.");
    }

    /// <summary>The guide's redirect URL pasted with its {appName} unreplaced is refused before anything is registered.</summary>
    [Fact]
    public async Task A_redirect_url_with_an_unreplaced_app_name_placeholder_is_refused()
    {
        await SignInToNewTenantAsync();
        Open("console/developer/apps/new");
        Assert.Equal("Identity provider sync", Browser.Field("App name").GetAttribute("placeholder"));
        Assert.DoesNotContain("{", Browser.Field("Redirect URLs").GetAttribute("placeholder"), StringComparison.Ordinal);
        Browser.Type("App name", "Okta");
        Browser.Type("Technical contacts (emails)", "it@example.com");
        Browser.Type("Redirect URLs", "https://system-admin.okta.com/admin/app/cpc/${appName}/oauth/callback");
        Browser.ClickToLoad("Register");

        Assert.Contains("still holds a placeholder such as {appName}", Browser.ErrorFor("RedirectUris"), StringComparison.Ordinal);
        Assert.Empty(Browser.Driver.FindElements(By.Id("client-id")));
        Open("console/developer/apps");
        Assert.DoesNotContain("${appName}", Browser.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_redirect_url_and_missing_contacts_are_shown_next_to_their_fields()
    {
        await SignInToNewTenantAsync();
        Open("console/developer/apps/new");
        Browser.Type("App name", "Okta");
        Browser.Type("Redirect URLs", OktaCallback);
        Browser.ClickToLoad("Register");
        Assert.Contains("technical contacts", Browser.ErrorFor("Contacts"), StringComparison.Ordinal);

        Browser.Type("Technical contacts (emails)", "it@example.com");
        Browser.Type("Redirect URLs", "http://okta.example/callback");
        Browser.ClickToLoad("Register");

        Assert.Contains("not a usable redirect URL", Browser.ErrorFor("RedirectUris"), StringComparison.Ordinal);
        Assert.Equal("Okta", Browser.Field("App name").GetDomProperty("value"));
    }

    [Fact]
    public async Task Without_the_login_permission_the_page_is_not_offered_and_its_urls_answer_403()
    {
        await SignInToNewTenantAsync("employees.view", "scim.manage");

        Assert.Empty(Browser.Driver.FindElements(By.LinkText("App registrations")));
        using var http = SessionClient();
        foreach (var path in new[] { "console/developer/apps", "console/developer/apps/new" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("security.login.manage", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
