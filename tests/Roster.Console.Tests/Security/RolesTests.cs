using System.Net;
using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Security;

/// <summary>CXone "Security > Roles and permissions", as the seed guides click it.</summary>
public sealed class RolesTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task New_role_with_create_and_edit_employees_turns_view_on_and_is_active()
    {
        await SignInToNewTenantAsync();

        Browser.Click("Roles and permissions");
        Browser.Click("New role");
        Browser.Type("Name", "SCIM access key");
        Browser.Check("Create and edit employee profiles");
        Browser.Click("Save and activate");

        Browser.Sees("Role 'SCIM access key' saved and active.");
        Browser.Click("Permissions");
        Assert.True(Browser.Driver.FindElement(By.Id("permission-employees-edit")).Selected);
        Assert.True(Browser.Driver.FindElement(By.Id("permission-employees-view")).Selected);
        Assert.False(Browser.Driver.FindElement(By.Id("permission-roles-manage")).Selected);
    }

    [Fact]
    public async Task Each_permission_says_what_the_setup_guides_call_it()
    {
        await SignInToNewTenantAsync();
        Open("console/security/roles/new");

        // The guides name permissions in their products' words: each checkbox is described by them.
        var edit = Browser.Driver.FindElement(By.Id("permission-employees-edit"));
        var guide = Browser.Driver.FindElement(By.Id(edit.GetAttribute("aria-describedby") ?? "missing"));
        Assert.Contains("\"Create and Edit\" under Employees", guide.Text, StringComparison.Ordinal);
        var login = Browser.Driver.FindElement(By.Id("permission-security-login-manage"));
        Assert.Contains("\"Setup & Manage\" on the Login component", Browser.Driver.FindElement(By.Id(login.GetAttribute("aria-describedby") ?? "missing")).Text, StringComparison.Ordinal);
        Assert.Contains("General Permissions", Browser.Driver.FindElement(By.Id("permission-scim-manage-guide")).Text, StringComparison.Ordinal);

        // A permission no guide names has no guide line.
        Assert.Null(Browser.Driver.FindElement(By.Id("permission-audit-view")).GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task A_role_is_renamed_then_deactivated_after_confirmation()
    {
        await SignInToNewTenantAsync();
        Open("console/security/roles/new");
        Browser.Type("Name", "Agent");
        Browser.Click("Save and activate");
        Browser.Sees("saved and active");

        Browser.Type("Name", "Agents");
        Browser.Click("Rename");
        Browser.Sees("Role renamed to 'Agents'.");
        Browser.ClickAndConfirm("Deactivate");

        Browser.Sees("deactivated");
        Assert.Contains("Inactive", Browser.Heading, StringComparison.Ordinal);
        Browser.Click("Roles and permissions");
        Browser.Sees("Agents");
    }

    [Fact]
    public async Task A_name_already_taken_is_shown_next_to_the_field()
    {
        await SignInToNewTenantAsync();
        Open("console/security/roles/new");
        Browser.Type("Name", "Agent");
        Browser.Click("Save and activate");
        Browser.Sees("saved and active");

        Open("console/security/roles/new");
        Browser.Type("Name", "Agent");
        Browser.Click("Save and activate");

        Assert.Contains("Agent", Browser.ErrorFor("Name"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_roles_permission_the_page_is_not_offered_and_its_url_answers_403()
    {
        await SignInToNewTenantAsync("employees.view");

        Assert.Empty(Browser.Driver.FindElements(By.LinkText("Roles and permissions")));
        Open("console/security/roles");
        Browser.Sees("roles.manage");

        using var http = SessionClient();
        using var response = await http.GetAsync(new Uri("console/security/roles", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("roles.manage", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
