using System.Net;
using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Tests.Support;

namespace Roster.Console.Tests.Employees;

/// <summary>
/// The employee's Security tab, as seeds 000 and 001 walk it: a role for the access key, a
/// profile that is not billed, "Add access key", the ID and the secret copied once, then the
/// identity provider's token request and SCIM call with them.
/// </summary>
public sealed class AccessKeysTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task An_access_key_added_on_the_security_tab_gets_a_token_that_reads_scim_and_its_secret_is_shown_once()
    {
        var tenant = await SignInToNewTenantAsync();
        await Server.TurnScimOffAsync(tenant.OrgId);
        var email = $"scim-accesskey-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        Browser.ClickToLoad("Roles and permissions");
        Browser.ClickToLoad("New role");
        Browser.Type("Name", "SCIM access key");
        Browser.Check("Create and edit employee profiles");
        Browser.ClickToLoad("Save and activate");
        Browser.Sees("saved and active");
        Browser.ClickToLoad("Employees");
        Browser.ClickToLoad("Create employee");
        Browser.Type("Email", email);
        Browser.Type("First name", "SCIM");
        Browser.Type("Last name", "AccessKey");
        Browser.Select("Primary role", "SCIM access key");
        Browser.Check("Billable", on: false);
        Browser.ClickToLoad("Create");
        Browser.Sees($"Employee {email} created.");

        Browser.ClickToLoad("SCIM AccessKey");
        Browser.ClickToLoad("Security");
        Browser.Sees("This profile has no access keys.");
        Browser.ClickToLoad("Add access key");
        Browser.Sees("you will not see it again");
        var keyId = Browser.ValueOf("access-key-id");
        var secretField = Browser.Find(By.Id("secret-access-key"));
        Assert.Equal("password", secretField.GetDomProperty("type"));
        var reveal = Browser.Find(By.CssSelector("button.reveal"));
        reveal.SendKeys(Keys.Enter);
        Assert.Equal("text", secretField.GetDomProperty("type"));
        Assert.Equal("true", reveal.GetAttribute("aria-pressed"));
        Assert.Equal("Hide secret", reveal.Text);
        var secret = Browser.ValueOf("secret-access-key");

        Browser.Driver.Navigate().Refresh();
        Browser.Sees("Access keys");
        Assert.Empty(Browser.Driver.FindElements(By.Id("secret-access-key")));
        Assert.DoesNotContain(secret, Browser.Driver.PageSource, StringComparison.Ordinal);
        var table = Browser.Find(By.Id("access-keys")).Text;
        Assert.Contains(keyId, table, StringComparison.Ordinal);
        Assert.Contains("Active", table, StringComparison.Ordinal);
        Assert.Single(Browser.Driver.FindElements(By.CssSelector("#access-keys tbody tr")));
        var securityTab = Browser.Driver.Url;

        // The profile was made while SCIM provisioning was off (manual changes are refused while
        // it is on); the identity provider provisions once the administrator turns it on.
        Browser.ClickToLoad("Login: SCIM provisioning");
        Browser.Check("Enable SCIM provisioning");
        Browser.ClickToLoad("Save");
        Browser.Sees("SCIM provisioning is on.");
        var accessToken = await CredentialCalls.AccessTokenAsync(Server, keyId, secret);
        Assert.Equal(HttpStatusCode.OK, await CredentialCalls.ListUsersAsync(Server, tenant.OrgId, accessToken));
        Assert.Equal(HttpStatusCode.Created, await CredentialCalls.CreateUserAsync(Server, tenant.OrgId, accessToken, "kenji.sato@example.jp"));
        Browser.GoTo(securityTab);
        Assert.DoesNotContain("Never", Browser.Find(By.Id("access-keys")).Text, StringComparison.Ordinal);

        // The identity provider's create shows on the provisioning activity page.
        Open("console/provisioning/activity");
        Assert.Contains("Okta", Browser.Find(By.Id("by-client")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_is_deactivated_reactivated_and_deleted_after_confirmation()
    {
        var tenant = await SignInToNewTenantAsync();
        var owner = await OwnerAsync(tenant);
        Open($"console/employees/{owner}/security");
        Browser.ClickToLoad("Add access key");
        var keyId = Browser.ValueOf("access-key-id");
        var secret = Browser.ValueOf("secret-access-key");
        Browser.ClickToLoad("Done");

        Browser.ClickAndConfirm("Deactivate");
        Browser.Sees($"Access key {keyId} deactivated");
        Assert.Contains("Deactivated", Browser.Find(By.Id("access-keys")).Text, StringComparison.Ordinal);
        using (var http = new HttpClient { BaseAddress = Server.BaseAddress })
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = keyId, ["client_secret"] = secret }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync(new Uri("auth/token", UriKind.Relative), form)).StatusCode);
        }

        Browser.ClickToLoad("Activate");
        Browser.Sees($"Access key {keyId} is active again.");
        await CredentialCalls.AccessTokenAsync(Server, keyId, secret);

        Browser.ClickAndConfirm("Delete");
        Browser.Sees($"Access key {keyId} deleted.");
        Browser.Sees("This profile has no access keys.");
    }

    [Fact]
    public async Task A_profile_whose_role_cannot_edit_employees_is_refused_a_key_with_the_reason()
    {
        var tenant = await SignInToNewTenantAsync();
        var viewer = await Server.AddEmployeeAsync(tenant.OrgId, "employees.view");
        Open("console/employees?search=" + Uri.EscapeDataString(viewer));
        Browser.ClickToLoad("Ada Admin");
        Browser.ClickToLoad("Security");

        Browser.ClickToLoad("Add access key");

        Browser.Sees("does not allow access keys");
        Browser.Sees("This profile has no access keys.");
    }

    [Fact]
    public async Task Without_the_access_keys_permission_the_tab_is_not_offered_and_its_url_answers_403()
    {
        var tenant = await SignInToNewTenantAsync("employees.view", "employees.edit");
        var owner = await OwnerAsync(tenant);
        Open($"console/employees/{owner}");
        Browser.Sees("Profile");

        Assert.Empty(Browser.Driver.FindElements(By.LinkText("Security")));
        using var http = SessionClient();
        using var response = await http.GetAsync(new Uri($"console/employees/{owner}/security", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("accesskeys.manage", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>A profile whose role allows access keys, made through the directory's use cases; its id.</summary>
    private async Task<Guid> OwnerAsync(ConsoleTenant tenant)
    {
        var email = await Server.AddEmployeeAsync(tenant.OrgId, "employees.edit");
        var found = await Server.Services.GetRequiredService<Roster.Directory.Employees.ListEmployees>()
            .ExecuteAsync(tenant.OrgId, null, email, 1, CancellationToken.None);
        return found.Ok().Employees.Single().Id;
    }
}
