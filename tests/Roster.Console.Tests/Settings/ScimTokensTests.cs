using System.Net;
using System.Text.RegularExpressions;
using Roster.Console.Tests.Infrastructure;
using Roster.Directory.Tests.Support;

namespace Roster.Console.Tests.Settings;

/// <summary>Tenant settings &gt; Account settings &gt; SCIM tokens (seed 000's bearer token): generate for a profile, use, revoke.</summary>
public sealed class ScimTokensTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_token_generated_for_a_chosen_owner_provisions_until_it_is_revoked()
    {
        var tenant = await SignInToNewTenantAsync();
        var owner = await Server.AddEmployeeAsync(tenant.OrgId, "employees.edit");

        Browser.ClickToLoad("Account settings: SCIM tokens");
        Assert.Equal(DateTime.UtcNow.AddDays(365).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Browser.Field("Expires on").GetDomProperty("value"));
        Browser.Select("User", $"Ada Admin ({owner})");
        Browser.Type("Name", "Okta production");
        Browser.ClickToLoad("Generate");
        Browser.Sees("you will not see it again");
        var token = Browser.ValueOf("issued-token");

        Assert.Equal(HttpStatusCode.Created, await CredentialCalls.CreateUserAsync(Server, tenant.OrgId, token, "pat@example.com"));
        Open("console/settings/scim-tokens");
        Assert.Empty(Browser.Driver.FindElements(By.Id("issued-token")));
        Assert.DoesNotContain(token, Browser.Driver.PageSource, StringComparison.Ordinal);
        var row = Browser.Find(By.XPath("//table[@id='scim-tokens']//tr[td[starts-with(normalize-space(.), 'Okta production')]]")).Text;
        Assert.Contains(owner, row, StringComparison.Ordinal);
        Assert.Contains("Active", row, StringComparison.Ordinal);

        Browser.Find(By.CssSelector("button[aria-label='Revoke Okta production']")).Click();
        Browser.Until(d => d.SwitchTo().Alert()).Accept();
        Browser.Sees("SCIM token 'Okta production' revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await CredentialCalls.CreateUserAsync(Server, tenant.OrgId, token, "sam@example.com"));
        Assert.Contains("Revoked", Browser.Find(By.XPath("//table[@id='scim-tokens']//tr[td[starts-with(normalize-space(.), 'Okta production')]]")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_whose_owner_lacks_the_employee_permissions_is_refused_as_an_access_key_would_be()
    {
        // One rule for credentials: the owner's roles bound the token, as they bound an access key.
        var tenant = await SignInToNewTenantAsync();
        var auditor = await Server.AddEmployeeAsync(tenant.OrgId, "audit.view");

        Open("console/settings/scim-tokens");
        Browser.Sees("a token can do no more than its owner's roles allow");
        Browser.Select("User", $"Ada Admin ({auditor})");
        Browser.Type("Name", "Auditor's token");
        Browser.ClickToLoad("Generate");
        var token = Browser.ValueOf("issued-token");

        Assert.Equal(HttpStatusCode.Forbidden, await CredentialCalls.CreateUserAsync(Server, tenant.OrgId, token, "pat@example.com"));
        Assert.Equal(HttpStatusCode.Forbidden, await CredentialCalls.ListUsersAsync(Server, tenant.OrgId, token));
    }

    [Fact]
    public async Task The_generated_token_answer_is_never_cached_and_a_reload_does_not_show_it_again()
    {
        await SignInToNewTenantAsync();
        Open("console/settings/scim-tokens");
        Browser.Select("User", Browser.Find(By.CssSelector("#OwnerId option:nth-child(2)")).Text);
        Browser.Type("Name", "Entra ID");
        Browser.ClickToLoad("Generate");
        var token = Browser.ValueOf("issued-token");

        Browser.Driver.Navigate().Refresh();

        Browser.Sees("Entra ID");
        Assert.Empty(Browser.Driver.FindElements(By.Id("issued-token")));
        Assert.DoesNotContain(token, Browser.Driver.PageSource, StringComparison.Ordinal);
        Assert.Single(Browser.Driver.FindElements(By.XPath("//table[@id='scim-tokens']//td[starts-with(normalize-space(.), 'Entra ID')]")));
        using var generated = await PostFormAsync("console/settings/scim-tokens", "Generate", form => new Dictionary<string, string>
        {
            ["OwnerId"] = Regex.Match(form, "<option value=\"([0-9a-f-]{36})\"").Groups[1].Value,
            ["Name"] = "Cached?",
        });
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.True(generated.Headers.CacheControl?.NoStore, "The answer that carries the token must say Cache-Control: no-store.");
    }

    [Fact]
    public async Task A_token_within_thirty_days_of_its_expiry_is_flagged_for_rotation()
    {
        var tenant = await SignInToNewTenantAsync();
        var owner = await Server.AddEmployeeAsync(tenant.OrgId, "employees.edit");
        var ownerId = (await Server.Services.GetRequiredService<Roster.Directory.Employees.ListEmployees>()
            .ExecuteAsync(tenant.OrgId, null, owner, 1, CancellationToken.None)).Ok().Employees.Single().Id;
        var issued = await Server.Services.GetRequiredService<Roster.Directory.Tokens.IssueScimToken>().ExecuteAsync(
            Roster.Directory.Administration.AdminActor.Operator(tenant.OrgId),
            new Roster.Directory.Tokens.ScimTokenRequest("Entra ID", ownerId, DateTimeOffset.UtcNow.AddDays(10)),
            CancellationToken.None);
        Assert.True(issued.IsSuccess, issued.Error?.Detail);

        Open("console/settings/scim-tokens");

        var row = Browser.Find(By.XPath("//table[@id='scim-tokens']//tr[td[starts-with(normalize-space(.), 'Entra ID')]]"));
        Assert.Contains("flagged", row.GetDomProperty("className"), StringComparison.Ordinal);
        Assert.Contains("Expiring", row.Text, StringComparison.Ordinal);
        Assert.Contains("Rotate it soon.", row.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// With 221 provisioned users the owner list holds the first 200 profiles by userName; the
    /// administrator and a service profile after them are found by searching every profile.
    /// </summary>
    [Fact]
    public async Task The_owner_is_found_by_searching_every_profile_beyond_the_first_two_hundred()
    {
        var tenant = await SignInToNewTenantAsync();
        // Made in the directory, not over SCIM: 221 calls in a row would meet the credential's rate limit.
        var create = Server.Services.GetRequiredService<Roster.Directory.Employees.CreateEmployee>();
        for (var i = 0; i < 221; i++)
        {
            var made = await create.ExecuteAsync(
                Roster.Directory.Administration.AdminActor.Operator(tenant.OrgId), new Roster.Directory.Employees.EmployeeDraft($"a{i:D3}@example.com", "Pat", "Provisioned"), CancellationToken.None);
            Assert.True(made.IsSuccess, made.Error?.Detail);
        }

        Open("console/settings/scim-tokens");
        Browser.Sees("profiles match; the list shows the first 200");
        Assert.Empty(Browser.Driver.FindElements(By.XPath($"//select[@id='OwnerId']/option[contains(., '{tenant.AdminEmail}')]")));
        Browser.Type("Name", "Searched");
        Browser.Type("Find the profile", tenant.AdminEmail);
        Browser.ClickToLoad("Search");

        Assert.Contains(tenant.AdminEmail, new OpenQA.Selenium.Support.UI.SelectElement(Browser.Field("User")).SelectedOption.Text, StringComparison.Ordinal);
        Assert.Equal("Searched", Browser.Field("Name").GetDomProperty("value"));
        Browser.ClickToLoad("Generate");
        Browser.Sees("you will not see it again");
        var row = Browser.Find(By.XPath("//table[@id='scim-tokens']//tr[td[starts-with(normalize-space(.), 'Searched')]]")).Text;
        Assert.Contains(tenant.AdminEmail, row, StringComparison.Ordinal);
    }

    /// <summary>An expiry date is the end of that day in the person's time zone, and the picker stops at the organization's longest lifetime.</summary>
    [Fact]
    public async Task An_expiry_date_lasts_to_the_end_of_that_day_and_the_picker_stops_at_the_longest_lifetime()
    {
        await SignInToNewTenantAsync();
        Open("console/settings/scim-tokens");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var latest = DateOnly.Parse(Browser.Field("Expires on").GetAttribute("max")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(latest.DayNumber - today.DayNumber, 728, 729);
        Browser.Sees("until the end of that day in your time zone (UTC)");

        var day = today.AddDays(40).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Browser.Select("User", Browser.Find(By.CssSelector("#OwnerId option:nth-child(2)")).Text);
        Browser.Type("Name", "End of day");
        Browser.Driver.ExecuteScript("document.getElementById('Expires').value = arguments[0];", day);
        Browser.ClickToLoad("Generate");

        var row = Browser.Find(By.XPath("//table[@id='scim-tokens']//tr[td[starts-with(normalize-space(.), 'End of day')]]")).Text;
        Assert.Contains($"{day} 23:59", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_owner_and_an_expiry_in_the_past_are_shown_next_to_their_fields()
    {
        await SignInToNewTenantAsync();
        Open("console/settings/scim-tokens");
        Browser.Type("Name", "Okta");
        Browser.ClickToLoad("Generate");
        Assert.Contains("Pick the employee profile", Browser.ErrorFor("OwnerId"), StringComparison.Ordinal);

        Browser.Select("User", Browser.Find(By.CssSelector("#OwnerId option:nth-child(2)")).Text);
        Browser.Driver.ExecuteScript("document.getElementById('Expires').value = '2020-01-01';");
        Browser.ClickToLoad("Generate");

        Assert.Contains("future", Browser.ErrorFor("Expires"), StringComparison.Ordinal);
        Assert.Empty(Browser.Driver.FindElements(By.Id("issued-token")));
    }

    [Fact]
    public async Task Without_the_scim_permission_the_page_is_not_offered_and_its_url_answers_403()
    {
        await SignInToNewTenantAsync("employees.view");

        Assert.Empty(Browser.Driver.FindElements(By.LinkText("Account settings: SCIM tokens")));
        using var http = SessionClient();
        using var response = await http.GetAsync(new Uri("console/settings/scim-tokens", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("scim.manage", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends a page's form over HTTP with the browser's session, as the browser would (anti-forgery
    /// token and cookie from a GET of the page), to see the answer's headers a browser hides.
    /// </summary>
    private async Task<HttpResponseMessage> PostFormAsync(string path, string handler, Func<string, Dictionary<string, string>> fields)
    {
        var session = Browser.Driver.Manage().Cookies.GetCookieNamed(Roster.Server.Console.ConsoleAuthentication.CookieName);
        Assert.NotNull(session);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = Server.BaseAddress };
        using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        get.Headers.Add("Cookie", $"{session.Name}={session.Value}");
        using var page = await http.SendAsync(get);
        var form = await page.Content.ReadAsStringAsync();
        var antiforgery = page.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("roster_console_antiforgery", StringComparison.Ordinal)).Split(';')[0];
        var values = fields(form);
        values["__RequestVerificationToken"] = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri($"{path}?handler={handler}", UriKind.Relative)) { Content = new FormUrlEncodedContent(values) };
        post.Headers.Add("Cookie", $"{session.Name}={session.Value}; {antiforgery}");
        return await http.SendAsync(post);
    }
}
