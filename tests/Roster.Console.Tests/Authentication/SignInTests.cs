using System.Net;
using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Employees;

namespace Roster.Console.Tests.Authentication;

public sealed class SignInTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task Employee_signs_in_with_email_and_password_and_sees_the_organization()
    {
        var tenant = await Server.CreateTenantAsync("audit.view");

        SignIn(tenant.AdminEmail);

        Assert.EndsWith("/console", Browser.Driver.Url, StringComparison.Ordinal);
        Browser.Sees(tenant.Name);
        Browser.Sees(tenant.OrgId.ToString());
    }

    [Fact]
    public async Task Wrong_password_is_refused_without_saying_whether_the_email_exists()
    {
        var tenant = await Server.CreateTenantAsync("audit.view");

        Open("console/sign-in");
        Browser.Type("Email", tenant.AdminEmail);
        Browser.Type("Password", "not the password");
        Browser.Click("Sign in");

        Browser.Sees(SignInFailures.Generic);
        Assert.Contains("/console/sign-in", Browser.Driver.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_lock_this_browser_out_and_the_emailed_unlock_link_lets_it_in_again()
    {
        var tenant = await Server.CreateTenantAsync("audit.view");
        for (var attempt = 0; attempt < SignInLockout.AddressFailures; attempt++)
        {
            TrySignIn(tenant.AdminEmail, "wrong " + attempt);
            Browser.Sees(SignInFailures.Generic);
        }

        // Locked out from here: the right password gets the same answer as a wrong one.
        TrySignIn(tenant.AdminEmail, ConsoleServerFixture.Password);
        Browser.Sees(SignInFailures.Generic);
        Assert.Contains("/console/sign-in", Browser.Driver.Url, StringComparison.Ordinal);

        Browser.Click("Email me an unlock link");
        Browser.Type("Email", tenant.AdminEmail);
        Browser.Click("Email me an unlock link");
        Browser.Sees(Roster.Server.Console.Pages.UnlockRequestModel.SentNotice);
        var link = PickupMail.UnlockLink(PickupMail.LastTo(Server.MailFolder, tenant.AdminEmail));
        Assert.StartsWith(Server.Url("unlock#token="), link, StringComparison.Ordinal);
        Browser.GoTo(link);
        Browser.Click("Unlock");
        Browser.Sees($"Your account {tenant.AdminEmail} is unlocked.");

        // The token left the address bar, and the link works once.
        Assert.DoesNotContain("token", Browser.Driver.Url, StringComparison.Ordinal);
        Open("console/sign-in");
        Browser.GoTo(link);
        Browser.Click("Unlock");
        Browser.Sees(UnlockByLink.InvalidLink);

        SignIn(tenant.AdminEmail);
        Browser.Sees(tenant.Name);
    }

    [Fact]
    public async Task A_local_return_url_is_followed_after_sign_in()
    {
        var tenant = await Server.CreateTenantAsync("audit.view");

        Open("console?view=compact");
        Assert.Contains("/console/sign-in?ReturnUrl=", Browser.Driver.Url, StringComparison.Ordinal);
        Browser.Type("Email", tenant.AdminEmail);
        Browser.Type("Password", ConsoleServerFixture.Password);
        Browser.Click("Sign in");

        Browser.Until(d => d.Url.EndsWith("/console?view=compact", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_not_followed()
    {
        var tenant = await Server.CreateTenantAsync("audit.view");

        Open("console/sign-in?ReturnUrl=" + Uri.EscapeDataString("https://evil.example/steal"));
        Browser.Type("Email", tenant.AdminEmail);
        Browser.Type("Password", ConsoleServerFixture.Password);
        Browser.Click("Sign in");

        Browser.Until(d => d.Url.EndsWith("/console", StringComparison.Ordinal));
        Assert.StartsWith(Server.BaseAddress.ToString(), Browser.Driver.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_in_two_organizations_asks_for_the_organization_id()
    {
        var first = await Server.CreateTenantAsync("audit.view");
        var second = await Server.CreateTenantAsync("audit.view");
        var shared = await Server.AddEmployeeAsync(second.OrgId, "audit.view");
        await Server.AddEmployeeWithEmailAsync(first.OrgId, shared, "audit.view");

        Open("console/sign-in");
        Browser.Type("Email", shared);
        Browser.Type("Password", ConsoleServerFixture.Password);
        Browser.Click("Sign in");
        Browser.Sees("several organizations");
        Browser.Type("Password", ConsoleServerFixture.Password);
        Browser.Type("Organization ID", second.OrgId.ToString());
        Browser.Click("Sign in");

        Browser.Sees(second.Name);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await SignInToNewTenantAsync("audit.view");

        Browser.Click("Sign out");

        Browser.Until(d => d.Url.Contains("/console/sign-in", StringComparison.Ordinal));
        Open("console");
        Assert.Contains("/console/sign-in", Browser.Driver.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_sent_without_its_anti_forgery_token_is_refused_with_400()
    {
        await SignInToNewTenantAsync("audit.view");
        var session = Browser.Driver.Manage().Cookies.GetCookieNamed(Roster.Server.Console.ConsoleAuthentication.CookieName);
        Assert.NotNull(session);
        Assert.True(session.IsHttpOnly);
        Assert.Equal("Lax", session.SameSite);

        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "console/sign-out") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("Cookie", $"{session.Name}={session.Value}");
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    private void TrySignIn(string email, string password)
    {
        Open("console/sign-in");
        Browser.Type("Email", email);
        Browser.Type("Password", password);
        Browser.Click("Sign in");
    }

    [Fact]
    public async Task Console_pages_forbid_framing_and_foreign_scripts()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };

        using var response = await http.GetAsync(new Uri("console/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
