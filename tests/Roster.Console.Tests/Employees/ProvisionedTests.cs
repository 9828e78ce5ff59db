using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Employees;

/// <summary>
/// An employee's "Provisioned" tab: everything an identity provider sent over SCIM, which IdP and
/// which credential (by name and owner) created the person, their groups direct and nested, their
/// roles, their SCIM changes linked to the audit log, and no way to edit while SCIM owns them.
/// </summary>
public sealed class ProvisionedTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task The_provisioned_tab_shows_what_the_identity_provider_sent_and_who_sent_it()
    {
        var tenant = await SignInToNewTenantAsync();
        var owner = await Server.AddEmployeeAsync(tenant.OrgId, "employees.edit");
        Open("console/settings/scim-tokens");
        Browser.Select("User", $"Ada Admin ({owner})");
        Browser.Type("Name", "Okta production");
        Browser.ClickToLoad("Generate");
        var token = Browser.ValueOf("issued-token");

        var boss = await Send(HttpMethod.Post, "Users", """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"boss@example.com","name":{"givenName":"Bo","familyName":"Boss"},"emails":[{"value":"boss@example.com","primary":true}],"active":true}
            """);
        var pat = await Send(HttpMethod.Post, "Users", $$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"00u1okta42","userName":"pat.doe@example.com","displayName":"Pat Doe",
             "name":{"givenName":"Pat","middleName":"Quinn","familyName":"Doe","honorificPrefix":"Dr."},
             "title":"Support lead",
             "emails":[{"value":"pat.doe@example.com","type":"work","primary":true},{"value":"pat@home.example","type":"home"}],
             "phoneNumbers":[{"value":"+81 3 1234 5678","type":"work"},{"value":"+81 90 0000 1111","type":"mobile"}],
             "addresses":[{"type":"work","streetAddress":"1-2-3 Marunouchi","locality":"Chiyoda","region":"Tokyo","postalCode":"100-0005","country":"JP"}],
             "active":true,
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-1042","department":"Customer Care","costCenter":"CC-7","manager":{"value":"{{boss}}"} } }
            """);
        var team = await Send(HttpMethod.Post, "Groups", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Support Tokyo","members":[{"value":"{{pat}}"}]}""");
        await Send(HttpMethod.Post, "Groups", $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Support APAC","members":[{"value":"{{team}}"}]}""");
        await Send(HttpMethod.Patch, $"Users/{pat}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Support manager"}]}
            """);

        Open($"console/employees/{pat}");
        Browser.ClickToLoad("Provisioned");

        Assert.Equal("00u1okta42", Text("scim-externalId"));
        Assert.Equal("pat.doe@example.com", Text("scim-userName"));
        Assert.Equal("Pat Doe", Text("scim-displayName"));
        Assert.Equal("Pat", Text("scim-name-givenName"));
        Assert.Equal("Quinn", Text("scim-name-middleName"));
        Assert.Equal("Doe", Text("scim-name-familyName"));
        Assert.Equal("Dr.", Text("scim-name-honorificPrefix"));
        Assert.Equal("Support manager", Text("scim-title"));
        Assert.Equal("Active", Text("scim-active"));
        var emails = Text("scim-emails");
        Assert.Contains("pat.doe@example.com (work) Primary", emails, StringComparison.Ordinal);
        Assert.Contains("pat@home.example (home)", emails, StringComparison.Ordinal);
        var phones = Text("scim-phoneNumbers");
        Assert.Contains("+81 3 1234 5678 (work)", phones, StringComparison.Ordinal);
        Assert.Contains("+81 90 0000 1111 (mobile)", phones, StringComparison.Ordinal);
        Assert.Equal("1-2-3 Marunouchi, Chiyoda, Tokyo, 100-0005, JP (work)", Text("scim-addresses"));
        Assert.Equal("E-1042", Text("scim-enterprise-employeeNumber"));
        Assert.Equal("Customer Care", Text("scim-enterprise-department"));
        Assert.Equal("CC-7", Text("scim-enterprise-costCenter"));
        Assert.Contains(boss!, Text("scim-enterprise-manager"), StringComparison.Ordinal);

        Assert.Equal("Okta", Text("provisioned-client"));
        Assert.Equal($"SCIM token 'Okta production' owned by {owner}", Text("provisioned-credential"));
        Assert.Contains("/console/employees/", Browser.Find(By.CssSelector("#provisioned-credential a")).GetAttribute("href"), StringComparison.Ordinal);

        var groups = Browser.Find(By.Id("groups")).FindElements(By.TagName("li")).Select(li => li.Text).ToList();
        Assert.Contains("Support Tokyo Direct", groups);
        Assert.Contains("Support APAC Through a nested group", groups);

        var changes = Browser.Find(By.Id("scim-changes")).FindElements(By.CssSelector("tbody tr")).Select(r => r.Text).ToList();
        Assert.Equal(2, changes.Count);
        Assert.Contains("user.update", changes[0], StringComparison.Ordinal);
        Assert.Contains("title", changes[0], StringComparison.Ordinal);
        Assert.Contains("user.create", changes[1], StringComparison.Ordinal);
        Assert.All(changes, c => Assert.Contains("SCIM token 'Okta production' owned by " + owner, c, StringComparison.Ordinal));

        // SCIM is on (a new organization's default): the page offers no edit, and says why.
        var edit = Browser.Find(By.Id("edit-profile"));
        Assert.False(edit.Enabled);
        Assert.Equal("owned-by-scim", edit.GetAttribute("aria-describedby"));
        Assert.Contains("your identity provider owns these values", Text("owned-by-scim"), StringComparison.Ordinal);

        // Each change links to its own entry in the audit log.
        Browser.Find(By.CssSelector("#scim-changes tbody tr:first-child a")).Click();
        Browser.Until(d => d.Url.Contains("/console/audit", StringComparison.Ordinal));
        var anchor = new Uri(Browser.Driver.Url).Fragment.TrimStart('#');
        var entry = Browser.Find(By.Id(anchor)).Text;
        Assert.Contains("user.update", entry, StringComparison.Ordinal);
        Assert.Contains("pat.doe@example.com", entry, StringComparison.Ordinal);
        Assert.DoesNotContain("boss@example.com", Browser.Find(By.Id("audit-events")).Text, StringComparison.Ordinal);

        async Task<string?> Send(HttpMethod method, string path, string body) => await ScimCalls.SendAsOktaAsync(Server, tenant.OrgId, token, method, path, body);
    }

    private string Text(string id) => Browser.Find(By.Id(id)).Text.Trim();
}
