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
        Open("console/settings/scim-tokens");
        var row = Browser.Find(By.XPath("//table[@id='scim-tokens']//tr[td[starts-with(normalize-space(.), 'SCIM provisioning')]]")).Text;
        Assert.Contains(tenant.AdminEmail, row, StringComparison.Ordinal);
    }

    /// <summary>
    /// MoEngage's order: the toggle, the base connector URL, the default role, the expiry, then
    /// "Generate access token". Generating keeps the toggle and the role chosen on the way, shows
    /// the token on this page, and a reload finds all of it saved.
    /// </summary>
    [Fact]
    public async Task The_guide_s_order_keeps_the_toggle_and_the_default_role_and_shows_the_token_here()
    {
        var tenant = await SignInToNewTenantAsync();
        await Server.TurnScimOffAsync(tenant.OrgId);
        Open("console/security/roles/new");
        Browser.Type("Name", "Agent");
        Browser.Click("Save and activate");
        Browser.Sees("saved and active");
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(100).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Open("console/security/login/scim");
        var order = Browser.Driver.FindElements(By.CssSelector("#Enabled, #connector-url, #DefaultRoleId, #AccessTokenExpires, button[formaction*='Generate']"))
            .Select(e => e.GetAttribute("id") is { Length: > 0 } id ? id : "generate").ToList();
        Assert.Equal(["Enabled", "connector-url", "DefaultRoleId", "AccessTokenExpires", "generate"], order);
        Browser.Check("Enable SCIM provisioning");
        Browser.Select("Default role", "Agent");
        Browser.Driver.ExecuteScript(
            "const f = document.getElementById('AccessTokenExpires'); f.value = arguments[0]; f.dispatchEvent(new Event('input', { bubbles: true }));", expiry);
        Browser.ClickToLoad("Generate access token");

        Assert.Contains("/console/security/login/scim", Browser.Driver.Url, StringComparison.Ordinal);
        Browser.Sees("you will not see it again");
        var token = Browser.ValueOf("issued-token");
        Assert.Equal(System.Net.HttpStatusCode.Created, await CredentialCalls.CreateUserAsync(Server, tenant.OrgId, token, "moengage-order@example.com"));

        Browser.Driver.Navigate().Refresh();
        Browser.Until(d => d.FindElements(By.Id("issued-token")).Count == 0);
        Assert.True(Browser.Field("Enable SCIM provisioning").Selected);
        Assert.Equal("Agent", new OpenQA.Selenium.Support.UI.SelectElement(Browser.Field("Default role")).SelectedOption.Text);
        Open("console/settings/scim-tokens");
        var row = Browser.Find(By.XPath("//table[@id='scim-tokens']//tr[td[starts-with(normalize-space(.), 'SCIM provisioning')]]")).Text;
        Assert.Contains($"{expiry} 23:59", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaving_the_page_with_unsaved_changes_asks_first()
    {
        var tenant = await SignInToNewTenantAsync();
        await Server.TurnScimOffAsync(tenant.OrgId);
        Open("console/security/login/scim");

        Browser.Check("Enable SCIM provisioning");
        Browser.Click("SCIM tokens");
        var question = Browser.Until(d => d.SwitchTo().Alert());
        Assert.Equal("The SCIM settings have changes that are not saved. Leave the page anyway?", question.Text);
        question.Dismiss();

        Assert.Contains("/console/security/login/scim", Browser.Driver.Url, StringComparison.Ordinal);
        Assert.True(Browser.Field("Enable SCIM provisioning").Selected);
        Browser.ClickToLoad("Save");
        Browser.Sees("SCIM provisioning is on. Settings saved.");
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
        var field = Browser.Field("Default role");
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("DefaultRoleId-error", field.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("DefaultRoleId-error", Browser.Find(By.CssSelector("[data-valmsg-for='DefaultRoleId']")).GetAttribute("id"));
    }

    [Fact]
    public async Task Copying_the_connector_url_is_announced_politely()
    {
        await SignInToNewTenantAsync();
        Open("console/security/login/scim");

        Browser.Find(By.CssSelector("button[data-copy='#connector-url']")).Click();

        var announcer = Browser.Find(By.Id("announcer"));
        Assert.Equal("polite", announcer.GetAttribute("aria-live"));
        var said = Browser.Until(_ => announcer.GetDomProperty("textContent") is { Length: > 0 } text ? text : null);
        Assert.True(said is "Copied" or "Selected: press Ctrl+C", said);
    }
}
