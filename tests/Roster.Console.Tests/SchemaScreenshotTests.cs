using OpenQA.Selenium.Support.UI;
using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Roles;

namespace Roster.Console.Tests;

/// <summary>
/// Photographs Tenant settings &gt; SCIM schema with an extension defined, and its form showing
/// two mistakes next to their boxes. The pictures go to the folder named by ROSTER_SCREENSHOTS
/// (docs/screenshots when retaking them), else to a temporary folder, so a normal run leaves the
/// repository alone.
/// </summary>
[Trait("Category", "Screenshots")]
public sealed class SchemaScreenshotTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    private static readonly string[] Files = ["scim-schema.png", "scim-schema-edit.png"];

    [Fact]
    public async Task Scim_schema_pages_are_photographed()
    {
        var folder = Environment.GetEnvironmentVariable("ROSTER_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Path.GetTempPath(), "roster-console-screenshots-" + Guid.NewGuid().ToString("N"));
        var tenant = await Server.CreateNamedTenantAsync("Acme Corporation", [.. Permission.All.Select(p => p.Key)]);
        SignIn(tenant.AdminEmail);
        Browser.Driver.Manage().Window.Size = new System.Drawing.Size(1280, 1400);

        Open("console/settings/scim-schema/edit");
        Browser.Type("URN", "urn:example:acme:scim:2.0:User");
        Browser.Type("Description", "Acme's own attributes");
        Browser.Find(By.Id("attribute-0-name")).SendKeys("costCode");
        Browser.ClickToLoad("Add attribute");
        Browser.Find(By.Id("attribute-1-name")).SendKeys("tier");
        Browser.Find(By.Id("attribute-1-canonical")).SendKeys("gold\nsilver");
        Browser.ClickToLoad("Save");
        Browser.Sees("saved");
        Browser.Screenshot(Path.Combine(folder, Files[0]));

        Browser.ClickToLoad("Define an extension");
        Browser.Type("URN", "urn:ietf:params:scim:schemas:extension:acme:2.0:Group");
        Browser.Find(By.Id("attribute-0-name")).SendKeys("badge number");
        new SelectElement(Browser.Find(By.Id("attribute-0-type"))).SelectByText("integer");
        Browser.Find(By.Id("attribute-0-canonical")).SendKeys("1");
        Browser.ClickToLoad("Save");
        Browser.Find(By.Id("Urn-error"));
        Browser.Screenshot(Path.Combine(folder, Files[1]));

        Assert.All(Files, f => Assert.True(new FileInfo(Path.Combine(folder, f)).Length > 0, f));
    }
}
