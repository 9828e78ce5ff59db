using System.Net;
using Roster.Console.Tests.Infrastructure;
using Roster.Server.Tests.Events;

namespace Roster.Console.Tests.Developer;

/// <summary>Developer &gt; Webhooks: register an endpoint (its secret once), send a test event, read the delivery log, rotate, disable, delete.</summary>
public sealed class WebhooksTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task An_administrator_registers_an_endpoint_tests_it_and_reads_the_delivery_log()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        await SignInToNewTenantAsync();

        Browser.ClickToLoad("Webhooks");
        Browser.Sees("No endpoints yet.");
        Browser.Type("URL", receiver.Url);
        Browser.Type("Description", "Our service");
        Browser.Type("Event types", "user.* group.*");
        Browser.ClickToLoad("Register endpoint");

        Browser.Sees("it is shown only once");
        var secret = Browser.ValueOf("signing-secret");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Browser.ClickToLoad("Webhooks");
        Assert.Empty(Browser.Driver.FindElements(By.Id("signing-secret")));
        Assert.DoesNotContain(secret, Browser.Driver.PageSource, StringComparison.Ordinal);
        Assert.Contains("Delivering", Browser.Find(By.Id("endpoints")).Text, StringComparison.Ordinal);

        Browser.Find(By.CssSelector("#endpoints a")).Click();
        Browser.Sees("Dead letters");
        Browser.ClickToLoad("Send test event");
        Browser.Sees("Test event: answered 204");
        Assert.Contains("webhook.test", Browser.Find(By.Id("delivery-log")).Text, StringComparison.Ordinal);
        Assert.Equal("webhook.test", Assert.Single(receiver.Received).Type);

        Browser.ClickAndConfirm("Rotate secret");
        Browser.Sees("New signing secret");
        Assert.NotEqual(secret, Browser.ValueOf("signing-secret"));
        Browser.ClickToLoad("Disable");
        Browser.Sees("Endpoint disabled");
        Browser.ClickToLoad("Enable");
        Browser.Sees("Endpoint enabled");
        Browser.ClickAndConfirm("Delete");
        Browser.Sees("deleted with its deliveries and log");
        Browser.Sees("No endpoints yet.");
    }

    [Fact]
    public async Task An_internal_address_is_refused_next_to_the_url_field()
    {
        await SignInToNewTenantAsync();
        Open("console/developer/webhooks");

        Browser.Type("URL", "http://169.254.169.254/latest/meta-data/");
        Browser.ClickToLoad("Register endpoint");

        Assert.Contains("link-local", Browser.ErrorFor("EndpointUrl"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_without_managing_shows_no_form_and_its_actions_answer_403()
    {
        await SignInToNewTenantAsync("events.read");

        Browser.ClickToLoad("Webhooks");
        Assert.Empty(Browser.Driver.FindElements(By.Id("register")));
        using var http = SessionClient();
        using var page = await http.GetAsync(new Uri("console/developer/webhooks", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
