using System.Globalization;
using OpenQA.Selenium.Support.UI;
using Roster.Console.Tests.Infrastructure;
using Roster.Server.Tests.Events;

namespace Roster.Console.Tests.Localization;

/// <summary>The webhook and domain pages show instants in the person's time zone, as the audit log does, not in fixed UTC.</summary>
public sealed class TimeZoneDatesTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    private static readonly TimeSpan Tokyo = TimeSpan.FromHours(9);

    [Fact]
    public async Task A_person_in_Tokyo_sees_a_webhook_delivery_and_a_domain_check_in_JST()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        await SignInToNewTenantAsync();
        Open("console/account");
        new SelectElement(Browser.Find(By.Id("TimeZone"))).SelectByValue("Asia/Tokyo");
        Browser.ClickToLoad("Save");
        Browser.Sees("Your settings are saved.");

        Open("console/developer/webhooks");
        Browser.Type("URL", receiver.Url);
        Browser.ClickToLoad("Register endpoint");
        Open("console/developer/webhooks");
        Browser.Find(By.CssSelector("#endpoints a")).Click();
        Browser.ClickToLoad("Send test event");
        Browser.Sees("Test event: answered 204");
        AssertTokyo(Browser.Find(By.CssSelector("#delivery-log tbody tr time")), "yyyy-MM-dd HH:mm:ss");

        var domain = $"d{Guid.NewGuid():N}"[..12] + ".example";
        Open("console/security/domains");
        Browser.Type("Domain", domain);
        Browser.Click("Add domain");
        Browser.Sees($"{domain} added.");
        Browser.Find(By.CssSelector($"button[aria-label='Verify {domain}']")).Click();
        Browser.Sees("Not verified");
        AssertTokyo(Browser.Find(By.CssSelector("td small.hint time")), "yyyy-MM-dd HH:mm");
    }

    private static void AssertTokyo(IWebElement time, string format)
    {
        var instant = DateTimeOffset.Parse(time.GetAttribute("datetime") ?? "", CultureInfo.InvariantCulture);
        Assert.Equal($"{instant.ToOffset(Tokyo).ToString(format, CultureInfo.InvariantCulture)} UTC+09:00", time.Text);
    }
}
