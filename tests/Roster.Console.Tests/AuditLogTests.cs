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

        var rows = Browser.Find(By.Id("audit-events")).FindElements(By.CssSelector(":scope > tbody > tr"));
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

        var rows = Browser.Find(By.Id("audit-events")).FindElements(By.CssSelector(":scope > tbody > tr"));
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(tenant.AdminEmail, r.Text, StringComparison.Ordinal));
        Open("console/audit?actor=nobody%40example.com");
        Browser.Sees("No employee of this organization has the email or id 'nobody@example.com'.");
    }

    /// <summary>
    /// Two roles made in the same minute have ids that start alike: each row names its role, the
    /// changes read as a before/after table with characters as typed, and clients are a list.
    /// </summary>
    [Fact]
    public async Task Rows_name_their_resource_and_show_changes_before_and_after_as_typed()
    {
        await SignInToNewTenantAsync();
        foreach (var role in (string[])["Tier+1", "Tier+2"])
        {
            Open("console/security/roles/new");
            Browser.Type("Name", role);
            Browser.Click("Save and activate");
            Browser.Sees("saved and active");
        }

        Open("console/audit?action=role.create");
        var resources = Browser.Find(By.Id("audit-events")).FindElements(By.CssSelector("tbody > tr > td.resource")).Select(r => r.Text).ToList();
        Assert.Contains(resources, r => r.Contains("Tier+1", StringComparison.Ordinal));
        Assert.Contains(resources, r => r.Contains("Tier+2", StringComparison.Ordinal));

        var first = Browser.Find(By.CssSelector("#audit-events tbody > tr details"));
        first.FindElement(By.TagName("summary")).Click();
        var name = first.FindElement(By.XPath(".//table[contains(@class,'changes')]//tr[th[normalize-space(.)='name']]"));
        Assert.Matches("^name\\s+Tier\\+[12]$", name.Text);
        var table = Browser.Find(By.Id("audit-events"));
        var changes = first.FindElement(By.CssSelector("table.changes"));
        Assert.True(changes.Location.X + changes.Size.Width <= table.Location.X + table.Size.Width, "The expanded changes stay inside the audit table.");

        Assert.Equal("select", Browser.Field("Client").TagName);
        Browser.Select("Client", "console");
    }
}
