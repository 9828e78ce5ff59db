using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Security;

public sealed class DomainsTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task An_added_domain_shows_its_txt_record_and_is_verified_once_published()
    {
        await SignInToNewTenantAsync();
        var domain = $"d{Guid.NewGuid():N}"[..12] + ".example";

        Browser.Click("Verified domains");
        Browser.Sees("No domains yet.");
        Browser.Type("Domain", domain);
        Browser.Click("Add domain");
        Browser.Sees($"{domain} added.");
        var name = Browser.Find(By.XPath($"//code[starts-with(., '_roster-challenge.{domain}')]")).Text;
        var value = Browser.Find(By.XPath("//code[starts-with(., 'roster-domain-verification=')]")).Text;
        Assert.Equal($"_roster-challenge.{domain}", name);

        Browser.Find(By.CssSelector($"button[aria-label='Verify {domain}']")).Click();
        Browser.Sees("Not verified");
        Server.Dns.Publish(name, value);
        Browser.Find(By.CssSelector($"button[aria-label='Verify {domain}']")).Click();

        Browser.Sees($"{domain} is verified.");
        Browser.Sees("Verified");
    }

    [Fact]
    public async Task A_domain_that_is_not_a_host_name_is_refused_next_to_the_field()
    {
        await SignInToNewTenantAsync();
        Open("console/security/domains");
        Browser.Type("Domain", "not a domain");
        Browser.Click("Add domain");

        Assert.NotEmpty(Browser.ErrorFor("Domain"));
    }
}
