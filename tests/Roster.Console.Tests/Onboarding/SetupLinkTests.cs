using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Onboarding;
using Roster.Directory.Operators;
using Roster.Directory.Tenants;

namespace Roster.Console.Tests.Onboarding;

/// <summary>
/// A setup link in the browser: the first administrator's form, then the console, signed in; the
/// same link a second time is a page that says it was used. A person whose roles grant nothing
/// sees what to ask for.
/// </summary>
public sealed class SetupLinkTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_setup_link_creates_the_first_administrator_and_opens_the_console_once()
    {
        var tenant = await Server.Services.GetRequiredService<CreateTenant>().ExecuteAsync("Initech " + Guid.NewGuid().ToString("N")[..6], CancellationToken.None);
        var issued = await Server.Services.GetRequiredService<IssueSetupLink>()
            .ExecuteAsync(OperatorActor.Cli, tenant.Id, SetupLinkTokens.DefaultLifetime, CancellationToken.None);
        Assert.True(issued.IsSuccess, issued.Error?.Detail);
        var link = SetupLinkTokens.Link(Server.BaseAddress.ToString(), issued.Value.Token);
        var email = $"first-{Guid.NewGuid():N}@example.com";

        Browser.GoTo(link);
        Browser.Type("Work email", email);
        Browser.Type("First name", "Ada");
        Browser.Type("Last name", "Lovelace");
        Browser.Type("Password", ConsoleServerFixture.Password);
        Browser.Type("Repeat the password", ConsoleServerFixture.Password);
        Browser.Click("Create the administrator and sign in");

        Browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);
        Assert.Equal(tenant.Name, Browser.Heading);
        Browser.Sees("Create a role");
        Assert.DoesNotContain("#token=", Browser.Driver.Url, StringComparison.Ordinal);

        SignOut();
        Browser.GoTo(link);
        Browser.Type("Work email", $"second-{Guid.NewGuid():N}@example.com");
        Browser.Type("First name", "Eve");
        Browser.Type("Last name", "Later");
        Browser.Type("Password", ConsoleServerFixture.Password);
        Browser.Type("Repeat the password", ConsoleServerFixture.Password);
        Browser.Click("Create the administrator and sign in");
        Browser.Sees("This setup link was already used");
    }

    [Fact]
    public async Task A_person_without_any_permission_is_told_what_to_ask_for()
    {
        var tenant = await Server.CreateTenantAsync();
        var email = await Server.AddEmployeeAsync(tenant.OrgId);

        SignIn(email);

        Browser.Sees("your profile holds no permission yet");
        Browser.Sees("Ask an administrator");
    }
}
