using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Directory.Sso;
using Roster.Directory.Tests.Support;

namespace Roster.Console.Tests;

/// <summary>
/// Walks the main pages of a tenant with some data and photographs each one. The pictures go to
/// the folder named by ROSTER_SCREENSHOTS (scripts/console-screenshots.sh sets it to
/// docs/screenshots), else to a temporary folder, so a normal run leaves the repository alone.
/// </summary>
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    private static readonly (string Path, string File)[] Pages =
    [
        ("console", "overview.png"),
        ("console/security/roles", "roles.png"),
        ("console/security/roles/new", "role-new.png"),
        ("console/employees", "employees.png"),
        ("console/employees/new", "employee-new.png"),
        ("console/security/login/scim", "scim-provisioning.png"),
        ("console/security/domains", "domains.png"),
        ("console/provisioning/activity", "provisioning-activity.png"),
        ("console/audit", "audit-log.png"),
        ("console/security/login/guides/okta", "setup-guide-okta.png"),
    ];

    [Fact]
    public async Task Main_pages_are_photographed()
    {
        var folder = Environment.GetEnvironmentVariable("ROSTER_SCREENSHOTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.Combine(Path.GetTempPath(), "roster-console-screenshots-" + Guid.NewGuid().ToString("N"));
        var tenant = await Server.CreateNamedTenantAsync("Acme Corporation", Permission.All.Select(p => p.Key).ToArray());
        await FillAsync(tenant);

        Open("console/sign-in");
        Browser.Screenshot(Path.Combine(folder, "sign-in.png"));
        SignIn(tenant.AdminEmail);
        Open("console/security/domains");
        Browser.Type("Domain", "acme.example");
        Browser.Click("Add domain");
        Browser.Sees("acme.example added.");
        foreach (var (path, file) in Pages)
        {
            Open(path);
            Browser.Find(By.TagName("h1"));
            Browser.Screenshot(Path.Combine(folder, file));
        }

        Assert.All(Pages, p => Assert.True(new FileInfo(Path.Combine(folder, p.File)).Length > 0, p.File));
    }

    /// <summary>Roles, employees and an identity provider's work, so that the pages are not empty.</summary>
    private async Task FillAsync(ConsoleTenant tenant)
    {
        var actor = AdminActor.Operator(tenant.OrgId);
        var roles = Server.Services.GetRequiredService<CreateRole>();
        var agent = await roles.ExecuteAsync(actor, "Agent", [], CancellationToken.None);
        await roles.ExecuteAsync(actor, "SCIM access key", [Permission.EmployeesEdit.Key], CancellationToken.None);
        await roles.ExecuteAsync(actor, "Supervisor", [Permission.EmployeesView.Key, Permission.AuditView.Key], CancellationToken.None);
        foreach (var (first, last) in new[] { ("Grace", "Hopper"), ("Alan", "Turing"), ("Katherine", "Johnson") })
        {
            var id = await ScimCalls.CreateUserAsOktaAsync(Server, tenant, $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@acme.example", first, last);
            if (first == "Alan")
            {
                await ScimCalls.DeactivateUserAsOktaAsync(Server, tenant, id);
            }
        }

        var saml = new SsoConnectionDraft(
            Name: "Okta", Enabled: true, IdpEntityId: "http://www.okta.com/exk1acme", IdpSsoUrl: "https://acme.okta.com/app/acme_roster/exk1acme/sso/saml",
            IdpCertificates: [Roster.Server.Tests.Sso.SamlKey.Create().CertificatePem]);
        Assert.True((await Server.Services.GetRequiredService<CreateSsoConnection>().ExecuteAsync(actor, SsoProtocol.Saml, saml, CancellationToken.None)).IsSuccess);
        await Server.TurnScimOffAsync(tenant.OrgId);
        await Server.Services.GetRequiredService<CreateEmployee>()
            .ExecuteAsync(actor, new EmployeeDraft("scim.accesskey@acme.example", "SCIM", "AccessKey", agent.Ok().Id, Billing: BillingAttributes.None), CancellationToken.None);
        await Server.SetScimEnabledAsync(tenant.OrgId, enabled: true);
    }
}
