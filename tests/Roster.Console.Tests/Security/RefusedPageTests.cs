using System.Net;
using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Security;

/// <summary>
/// A page the person may not open, and an address with no page, are shown inside the console's
/// frame (navigation, the person's name, sign-out), in their language, with the missing
/// permission named, who can grant it, and a way home; the status stays 403 or 404.
/// </summary>
public sealed class RefusedPageTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_refused_page_is_in_the_frame_and_names_the_missing_permission_and_who_can_grant_it()
    {
        var tenant = await SignInToNewTenantAsync("employees.view");

        Open("console/security/roles");

        Assert.Equal("You do not have access to this page", Browser.Heading);
        Assert.Equal(tenant.AdminEmail, Browser.Find(By.CssSelector(".top .who")).Text);
        Assert.Contains("Employees", Browser.Find(By.CssSelector("nav.side")).Text, StringComparison.Ordinal);
        Assert.NotEmpty(Browser.Driver.FindElements(By.XPath("//header//button[normalize-space(.)='Sign out']")));
        Assert.Contains("roles.manage", Browser.Find(By.CssSelector("ul.permissions")).Text, StringComparison.Ordinal);
        var who = Browser.Find(By.Id("who-can-grant")).Text;
        Assert.Contains("employees.edit", who, StringComparison.Ordinal);
        Assert.EndsWith("/console", Browser.Find(By.Id("back-home")).GetAttribute("href"), StringComparison.Ordinal);

        using var http = SessionClient();
        using var english = await http.GetAsync(new Uri("console/security/roles", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, english.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("console/security/roles", UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd("ja");
        using var japanese = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, japanese.StatusCode);
        var html = WebUtility.HtmlDecode(await japanese.Content.ReadAsStringAsync());
        Assert.Contains("このページへのアクセス権がありません", html, StringComparison.Ordinal);
        Assert.Contains("roles.manage", html, StringComparison.Ordinal);
        Assert.Contains("class=\"side\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_with_no_page_is_a_404_in_the_frame()
    {
        var tenant = await SignInToNewTenantAsync("employees.view");

        Open("console/no-such-page");

        Assert.Equal("Page not found", Browser.Heading);
        Assert.Equal(tenant.AdminEmail, Browser.Find(By.CssSelector(".top .who")).Text);
        Assert.NotEmpty(Browser.Driver.FindElements(By.CssSelector("nav.side")));
        using var http = SessionClient();
        using var response = await http.GetAsync(new Uri("console/no-such-page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
