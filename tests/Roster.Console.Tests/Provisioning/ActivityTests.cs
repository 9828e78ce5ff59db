using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Provisioning;

/// <summary>The provisioning activity page: what each identity provider did, problems first, a chart per day.</summary>
public sealed class ActivityTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task Creates_and_deactivations_made_over_scim_show_per_identity_provider_and_per_day()
    {
        var tenant = await SignInToNewTenantAsync();
        var id = await ScimCalls.CreateUserAsOktaAsync(Server, tenant, "pat@example.com");
        await ScimCalls.CreateUserAsOktaAsync(Server, tenant, "sam@example.com");
        await ScimCalls.DeactivateUserAsOktaAsync(Server, tenant, id);

        Browser.Click("Provisioning activity");

        Browser.Sees("No problem in the SCIM settings.");
        var okta = Browser.Find(By.XPath("//table[@id='by-client']//tr[th='Okta']")).FindElements(By.TagName("td")).Select(c => c.Text).ToList();
        Assert.Equal(["2", "0", "1", "0", "0"], okta.Take(5));
        var bars = Browser.Driver.FindElements(By.CssSelector("#events-per-day rect.bar title")).Select(t => t.GetAttribute("textContent")).ToList();
        Assert.Equal(30, bars.Count);
        Assert.EndsWith(": 3", bars[^1], StringComparison.Ordinal);
        Browser.Sees("pat@example.com");
        var kinds = Browser.Driver.FindElements(By.CssSelector("#latest td .badge")).Select(b => b.Text).ToList();
        Assert.Equal(["Deactivation", "Creation", "Creation"], kinds);
    }

    [Fact]
    public async Task Provisioning_turned_off_is_shown_first_as_a_problem()
    {
        var tenant = await SignInToNewTenantAsync();
        await Server.TurnScimOffAsync(tenant.OrgId);

        Open("console/provisioning/activity");

        Assert.Contains("SCIM provisioning is off", Browser.Find(By.Id("problems")).Text, StringComparison.Ordinal);
        Browser.Click("Fix the SCIM settings");
        Browser.Sees("Enable SCIM provisioning");
    }
}
