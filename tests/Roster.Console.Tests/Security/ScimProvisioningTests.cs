using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Security;

/// <summary>MoEngage "Security > Login > SCIM provisioning": toggle, base connector URL, default role, status.</summary>
public sealed class ScimProvisioningTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task Enabling_provisioning_with_a_default_role_shows_the_connector_url_and_an_inactive_status()
    {
        var tenant = await SignInToNewTenantAsync();
        await Server.TurnScimOffAsync(tenant.OrgId);
        Open("console/security/roles/new");
        Browser.Type("Name", "Agent");
        Browser.Click("Save and activate");
        Browser.Sees("saved and active");

        Browser.Click("Login: SCIM provisioning");
        Assert.False(Browser.Field("Enable SCIM provisioning").Selected);
        Browser.Check("Enable SCIM provisioning");
        Browser.Select("Default role", "Agent");
        Browser.Click("Save");

        Browser.Sees("SCIM provisioning is on. Settings saved.");
        Assert.True(Browser.Field("Enable SCIM provisioning").Selected);
        Assert.Equal(Server.Url($"scim/v2/{tenant.OrgId}"), Browser.Find(By.Id("connector-url")).Text);
        var forms = Browser.Find(By.Id("base-url-forms")).Text;
        Assert.Contains(Server.Url($"oauth/scim/v2/{tenant.OrgId}"), forms, StringComparison.Ordinal);
        Assert.Contains(Server.Url($"v1/scim/{tenant.OrgId}"), forms, StringComparison.Ordinal);
        Assert.Contains("Inactive", Browser.Find(By.Id("scim-status")).Text, StringComparison.Ordinal);
        Assert.Equal("Agent", new OpenQA.Selenium.Support.UI.SelectElement(Browser.Field("Default role")).SelectedOption.Text);
    }

    [Fact]
    public async Task Generate_access_token_gives_a_token_owned_by_the_signed_in_person_shown_once()
    {
        var tenant = await SignInToNewTenantAsync();
        Open("console/security/login/scim");

        Browser.ClickToLoad("Generate access token");
        Browser.Sees("you will not see it again");
        var token = Browser.ValueOf("issued-token");

        Assert.Equal(System.Net.HttpStatusCode.Created, await CredentialCalls.CreateUserAsync(Server, tenant.OrgId, token, "moengage-user@example.com"));
        var row = Browser.Find(By.XPath("//table[@id='scim-tokens']//tr[td[starts-with(normalize-space(.), 'SCIM provisioning')]]")).Text;
        Assert.Contains(tenant.AdminEmail, row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_identity_provider_calls_the_status_is_active_with_time_and_client()
    {
        var tenant = await SignInToNewTenantAsync();

        await ScimCalls.CreateUserAsOktaAsync(Server, tenant, "pat@example.com");
        Open("console/security/login/scim");

        var status = Browser.Find(By.Id("scim-status")).Text;
        Assert.Contains("Active", status, StringComparison.Ordinal);
        Assert.Contains("by Okta", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_inactive_default_role_is_refused_next_to_the_field()
    {
        await SignInToNewTenantAsync();
        Open("console/security/roles/new");
        Browser.Type("Name", "Retired");
        Browser.Click("Save and activate");
        Browser.ClickAndConfirm("Deactivate");
        Browser.Sees("deactivated");

        Open("console/security/login/scim");
        Browser.Select("Default role", "Retired (inactive)");
        Browser.Click("Save");

        Assert.Contains("Retired", Browser.ErrorFor("DefaultRoleId"), StringComparison.Ordinal);
    }
}
