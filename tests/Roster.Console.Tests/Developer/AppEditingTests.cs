using OpenIddict.Abstractions;
using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Developer;

/// <summary>
/// An app registration after it is made: its redirect URLs, contacts and description change
/// without new credentials; the form shows every mistake at once; the paste-into-your-IdP block
/// has the SCIM base URL and the unique identifier; the client types say which IdP form fits.
/// </summary>
public sealed class AppEditingTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    private const string FirstCallback = "https://idp.example.com/oauth/callback";
    private const string MovedCallback = "https://idp-new.example.com/oauth2/callback";

    [Fact]
    public async Task Redirect_urls_contacts_and_description_change_and_the_client_id_and_secret_keep_working()
    {
        await SignInToNewTenantAsync();
        Open("console/developer/apps/new");
        Browser.Type("App name", "IdP sync");
        Browser.Type("Technical contacts (emails)", "it@example.com");
        Browser.Field("User, confidential").Click();
        Browser.Type("Redirect URLs", FirstCallback);
        Browser.ClickToLoad("Register");
        var clientId = Browser.ValueOf("client-id");
        var secret = Browser.ValueOf("client-secret");

        Open("console/developer/apps");
        Browser.ClickToLoad("Edit");
        Assert.Equal(clientId, Browser.Find(By.Id("client-id")).Text);
        Browser.Type("Description", "Provisions people from the identity provider");
        Browser.Type("Technical contacts (emails)", "it@example.com\nsecurity@example.com");
        Browser.Type("Redirect URLs", MovedCallback);
        Browser.ClickToLoad("Save");

        Browser.Sees("App 'IdP sync' saved; its client ID and secret are unchanged.");
        var row = Browser.Find(By.Id("apps")).Text;
        Assert.Contains(clientId, row, StringComparison.Ordinal);
        Assert.Contains(MovedCallback, row, StringComparison.Ordinal);
        Assert.DoesNotContain(FirstCallback, row, StringComparison.Ordinal);
        Assert.Contains("security@example.com", row, StringComparison.Ordinal);
        Assert.Contains("Provisions people from the identity provider", row, StringComparison.Ordinal);

        // The OAuth client itself: the new redirect URL only, and the secret shown once still valid.
        await using var scope = Server.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var client = await applications.FindByClientIdAsync(clientId);
        Assert.NotNull(client);
        var redirects = (await applications.GetRedirectUrisAsync(client)).ToArray();
        Assert.Equal(MovedCallback, string.Join(' ', redirects));
        Assert.True(await applications.ValidateClientSecretAsync(client, secret));
    }

    [Fact]
    public async Task Every_mistake_of_the_form_is_shown_at_once_and_nothing_is_saved()
    {
        await SignInToNewTenantAsync();
        Open("console/developer/apps/new");
        Browser.Type("Technical contacts (emails)", "not-an-email");
        Browser.Type("Redirect URLs", "https://idp.example.com/app/{appName}/callback");
        Browser.ClickToLoad("Register");

        Assert.Contains("Give the app a name", Browser.ErrorFor("Name"), StringComparison.Ordinal);
        Assert.Contains("\"not-an-email\" is not an email address", Browser.ErrorFor("Contacts"), StringComparison.Ordinal);
        Assert.Contains("still holds a placeholder such as {appName}", Browser.ErrorFor("RedirectUris"), StringComparison.Ordinal);
        Assert.Empty(Browser.Driver.FindElements(By.Id("client-id")));

        Browser.Type("App name", "IdP sync");
        Browser.Type("Technical contacts (emails)", "it@example.com");
        Browser.Type("Redirect URLs", FirstCallback);
        Browser.ClickToLoad("Register");
        Open("console/developer/apps");
        Browser.ClickToLoad("Edit");
        Browser.Type("Technical contacts (emails)", "");
        Browser.Type("Redirect URLs", "http://idp.example.com/plain-http");
        Browser.ClickToLoad("Save");

        Assert.Contains("technical contacts", Browser.ErrorFor("Contacts"), StringComparison.Ordinal);
        Assert.Contains("is not a usable redirect URL", Browser.ErrorFor("RedirectUris"), StringComparison.Ordinal);
        Open("console/developer/apps");
        Assert.Contains(FirstCallback, Browser.Find(By.Id("apps")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_paste_block_has_the_scim_base_url_and_unique_identifier_and_the_client_types_say_which_form_fits()
    {
        var tenant = await SignInToNewTenantAsync();
        Open("console/developer/apps");
        Assert.Equal(Server.Url($"scim/v2/{tenant.OrgId}"), Browser.Find(By.Id("scim-base-url")).Text);
        Assert.Equal("userName", Browser.Find(By.Id("unique-identifier")).Text);

        Open("console/developer/apps/new");
        var confidential = Browser.Find(By.CssSelector("label[for='client-type-user-confidential']")).Text;
        var publicClient = Browser.Find(By.CssSelector("label[for='client-type-user-public']")).Text;
        Assert.Contains("sends a client secret", confidential, StringComparison.Ordinal);
        Assert.Contains("no client secret", publicClient, StringComparison.Ordinal);
        Assert.Contains("PKCE", publicClient, StringComparison.Ordinal);
        Assert.Contains("\"User, confidential\"", Browser.Find(By.Id("client-type-hint")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"User, public\"", Browser.Find(By.Id("client-type-hint")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Okta", Browser.Find(By.Id("description-hint")).Text, StringComparison.Ordinal);
    }
}
