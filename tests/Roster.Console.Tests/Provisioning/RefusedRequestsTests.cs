using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Provisioning;

/// <summary>The activity page shows the IdP's refused requests first, each linking to its detail.</summary>
public sealed class RefusedRequestsTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_refused_request_is_listed_first_and_its_detail_shows_the_answer()
    {
        var tenant = await SignInToNewTenantAsync();
        Open("console/provisioning/activity");
        Browser.Sees("Roster has refused no request");

        Assert.Equal(400, await ScimCalls.SendRefusedFilterAsOktaAsync(Server, tenant));
        Open("console/provisioning/activity");

        var errors = Browser.Find(By.Id("errors")).Text;
        Assert.Contains("Okta", errors, StringComparison.Ordinal);
        Assert.Contains("400 invalidFilter", errors, StringComparison.Ordinal);
        Browser.Find(By.CssSelector("#errors a")).Click();
        var detail = Browser.Until(d => d.FindElement(By.Id("error-detail"))).Text;
        Assert.Contains("GET", detail, StringComparison.Ordinal);
        Assert.Contains("filter=", detail, StringComparison.Ordinal);
        Assert.Contains("zz", detail, StringComparison.Ordinal);
    }
}
