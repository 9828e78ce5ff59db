using OtpNet;
using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Authentication;

/// <summary>A person sets up an authenticator app on their own page, and from then on signs in with its code after the password.</summary>
public sealed class SecondFactorTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task Enrol_sign_out_and_sign_in_with_a_code_from_the_secret_the_page_showed()
    {
        var tenant = await SignInToNewTenantAsync("audit.view");
        Open("console/account");
        Browser.Click("Set up an authenticator app");
        var secret = Browser.Find(By.Id("authenticator-secret")).GetDomProperty("value") ?? "";
        Browser.Type("Code from the app", Code(secret, DateTimeOffset.UtcNow));
        Browser.Click("Confirm");
        Browser.Sees("Your recovery codes");
        Assert.Equal(10, Browser.Driver.FindElements(By.CssSelector("#recovery-codes li")).Count);
        SignOut();

        Open("console/sign-in");
        Browser.Type("Email", tenant.AdminEmail);
        Browser.Type("Password", ConsoleServerFixture.Password);
        Browser.Click("Sign in");
        Browser.Until(d => d.Url.Contains("/console/sign-in/code", StringComparison.Ordinal));

        // The code of the next time step: the one enrolment used is good once, and one step of skew is allowed.
        Browser.Type("Code", Code(secret, DateTimeOffset.UtcNow.AddSeconds(30)));
        Browser.Click("Sign in");

        Browser.Until(d => d.FindElements(By.CssSelector(".top .who")).Count > 0);
    }

    private static string Code(string secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(at.UtcDateTime);
}
