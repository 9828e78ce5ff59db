using System.Net;
using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Provisioning;

/// <summary>
/// The activity page diagnoses a failing "Test connection": calls refused for a revoked token are
/// counted with the token's name and owner; another organization's bad calls never show.
/// </summary>
public sealed class BadTokensTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task A_call_with_a_revoked_token_shows_as_revoked_with_the_tokens_name_and_owner()
    {
        var other = await Server.CreateTenantAsync();
        var tenant = await SignInToNewTenantAsync();
        var owner = await Server.AddEmployeeAsync(tenant.OrgId, "employees.edit");
        Open("console/settings/scim-tokens");
        Browser.Select("User", $"Ada Admin ({owner})");
        Browser.Type("Name", "Okta staging");
        Browser.ClickToLoad("Generate");
        var token = Browser.ValueOf("issued-token");
        Open("console/settings/scim-tokens");
        Browser.Find(By.CssSelector("button[aria-label='Revoke Okta staging']")).Click();
        Browser.Until(d => d.SwitchTo().Alert()).Accept();
        Browser.Sees("SCIM token 'Okta staging' revoked");
        Open("console/provisioning/activity");
        Browser.Sees("No call to this organization's SCIM URL was refused");

        Assert.Equal(HttpStatusCode.Unauthorized, await CredentialCalls.ListUsersAsync(Server, tenant.OrgId, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await CredentialCalls.ListUsersAsync(Server, other.OrgId, "roster_scim_" + new string('x', 40)));
        Open("console/provisioning/activity");

        var rows = Browser.Driver.FindElements(By.CssSelector("#bad-tokens tbody tr"));
        var row = Assert.Single(rows).Text;
        Assert.Contains($"SCIM token 'Okta staging' owned by {owner}", row, StringComparison.Ordinal);
        Assert.Contains("Revoked", row, StringComparison.Ordinal);
        Assert.Contains("Okta", row, StringComparison.Ordinal);
        Assert.Contains("/console/employees/", Browser.Find(By.CssSelector("#bad-tokens tbody tr a")).GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain(token, Browser.Driver.PageSource, StringComparison.Ordinal);
    }
}
