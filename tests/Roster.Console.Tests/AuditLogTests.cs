using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests;

public sealed class AuditLogTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_change_made_in_the_console_is_in_the_audit_log_credited_to_the_employee()
    {
        var tenant = await SignInToNewTenantAsync();
        Open("console/security/roles/new");
        Browser.Type("Name", "Auditor");
        Browser.Click("Save and activate");
        Browser.Sees("saved and active");

        Browser.Click("Audit log");
        Browser.Select("Action", "role.create");
        Browser.ClickToLoad("Filter");

        var rows = Browser.Find(By.Id("audit-events")).FindElements(By.CssSelector("tbody tr"));
        var console = Assert.Single(rows, r => r.Text.Contains("console", StringComparison.Ordinal));
        Assert.Contains(tenant.AdminEmail, console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_by_actor_keeps_only_that_employee_s_changes()
    {
        var tenant = await SignInToNewTenantAsync();
        Open("console/security/roles/new");
        Browser.Type("Name", "Mine");
        Browser.Click("Save and activate");
        Browser.Sees("saved and active");

        Open("console/audit?actor=" + Uri.EscapeDataString(tenant.AdminEmail));

        var rows = Browser.Find(By.Id("audit-events")).FindElements(By.CssSelector("tbody tr"));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(tenant.AdminEmail, r.Text, StringComparison.Ordinal));
        Open("console/audit?actor=nobody%40example.com");
        Browser.Sees("No employee of this organization has the email or id 'nobody@example.com'.");
    }
}
