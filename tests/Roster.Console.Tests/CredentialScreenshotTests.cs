using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Administration;
using Roster.Directory.Apps;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;
using Roster.Directory.Tokens;

namespace Roster.Console.Tests;

/// <summary>
/// Photographs the credential pages (SCIM tokens, an employee's access keys, app registrations)
/// with a credential just made, as an administrator sees them. The pictures go to the folder named
/// by ROSTER_SCREENSHOTS (docs/screenshots when retaking them), else to a temporary folder, so a
/// normal run leaves the repository alone.
/// </summary>
[Trait("Category", "Screenshots")]
public sealed class CredentialScreenshotTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    private static readonly string[] Files = ["scim-tokens.png", "employee-access-keys.png", "app-registrations.png", "app-register.png"];

    [Fact]
    public async Task Credential_pages_are_photographed()
    {
        var folder = Environment.GetEnvironmentVariable("ROSTER_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Path.GetTempPath(), "roster-console-screenshots-" + Guid.NewGuid().ToString("N"));
        var tenant = await Server.CreateTenantAsync([.. Permission.All.Select(p => p.Key)]);
        var owner = await FillAsync(tenant);
        SignIn(tenant.AdminEmail);

        // Tall enough that each list shows below the credential just made.
        Browser.Driver.Manage().Window.Size = new System.Drawing.Size(1280, 1400);

        Open("console/settings/scim-tokens");
        Browser.Select("User", $"SCIM AccessKey ({owner.Email})");
        Browser.Type("Name", "Okta");
        Browser.ClickToLoad("Generate");
        Browser.ValueOf("issued-token");
        Browser.Screenshot(Path.Combine(folder, Files[0]));

        Open($"console/employees/{owner.Id}/security");
        Browser.ClickToLoad("Add access key");
        Browser.ValueOf("secret-access-key");
        Browser.Screenshot(Path.Combine(folder, Files[1]));

        Open("console/developer/apps");
        Browser.Find(By.Id("apps"));
        Browser.Screenshot(Path.Combine(folder, Files[2]));
        Open("console/developer/apps/new");
        Browser.Find(By.TagName("h1"));
        Browser.Screenshot(Path.Combine(folder, Files[3]));

        Assert.All(Files, f => Assert.True(new FileInfo(Path.Combine(folder, f)).Length > 0, f));
    }

    /// <summary>A profile that holds credentials, a token about to expire and an Okta app, so that the lists are not empty.</summary>
    private async Task<Employee> FillAsync(ConsoleTenant tenant)
    {
        var actor = AdminActor.Operator(tenant.OrgId);
        await Server.TurnScimOffAsync(tenant.OrgId);
        var role = await Server.Services.GetRequiredService<CreateRole>().ExecuteAsync(actor, "SCIM access key", [Permission.EmployeesEdit.Key], CancellationToken.None);
        var owner = await Server.Services.GetRequiredService<CreateEmployee>().ExecuteAsync(
            actor, new EmployeeDraft("scim.accesskey@example.com", "SCIM", "AccessKey", role.Ok().Id, Billing: BillingAttributes.None), CancellationToken.None);
        Assert.True(owner.IsSuccess, owner.Error?.Detail);
        var expiring = await Server.Services.GetRequiredService<IssueScimToken>().ExecuteAsync(
            actor, new ScimTokenRequest("Entra ID", owner.Value.Id, DateTimeOffset.UtcNow.AddDays(12)), CancellationToken.None);
        Assert.True(expiring.IsSuccess, expiring.Error?.Detail);
        var app = await Server.Services.GetRequiredService<RegisterApp>().ExecuteAsync(actor, new AppDraft(
            "Okta RosterIntegration", "Integrates Okta with Roster through SCIM", ["it@example.com"], AppClientType.UserConfidential,
            ["https://system-admin.okta.com/admin/app/cpc/rosterintegration/oauth/callback"], [],
            Registrant: "Ada Admin <ada.admin@example.com>", BusinessUnit: "Contact center EMEA"), CancellationToken.None);
        Assert.True(app.IsSuccess, app.Error?.Detail);
        return owner.Value;
    }
}
