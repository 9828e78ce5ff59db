using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OpenQA.Selenium.Support.UI;
using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Settings;

/// <summary>
/// Tenant settings &gt; SCIM schema: an extension defined in the console, with every mistake of
/// the form shown next to its box at once, is what SCIM clients of the organization then write
/// and read, and what <c>/Schemas</c> lists.
/// </summary>
public sealed class ScimSchemaTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    private const string Urn = "urn:example:acme:scim:2.0:User";

    [Fact]
    public async Task An_extension_defined_in_the_console_reports_every_mistake_at_once_then_carries_scim_values()
    {
        var tenant = await SignInToNewTenantAsync();
        Browser.ClickToLoad("SCIM schema");
        Browser.Sees($"/scim/v2/{tenant.OrgId}/Schemas");
        Browser.ClickToLoad("Define an extension");
        Browser.Type("URN", Urn);
        Browser.Sees("Attribute 1");
        Row(0, "name").SendKeys("1costCode");
        Browser.ClickToLoad("Add attribute");
        Assert.Equal("1costCode", Row(0, "name").GetDomProperty("value"));
        Row(1, "name").SendKeys("level");
        new SelectElement(Row(1, "type")).SelectByText("integer");
        Row(1, "canonical").SendKeys("1\n2");

        Browser.ClickToLoad("Save");

        Assert.Contains("'1costCode' is not an attribute name", Error("Attributes_0__Name"), StringComparison.Ordinal);
        Assert.Contains("'level' lists canonical values", Error("Attributes_1__CanonicalValues"), StringComparison.Ordinal);
        Assert.Equal("true", Row(0, "name").GetAttribute("aria-invalid"));
        Assert.Equal("true", Row(1, "canonical").GetAttribute("aria-invalid"));
        Assert.Contains("Attributes_1__CanonicalValues-error", Row(1, "canonical").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("integer", new SelectElement(Row(1, "type")).SelectedOption.Text);

        Row(0, "name").Clear();
        Row(0, "name").SendKeys("costCode");
        Row(1, "canonical").Clear();
        Browser.ClickToLoad("Save");

        Browser.Sees($"Schema extension '{Urn}' saved");
        Assert.Contains("costCode", Browser.Find(By.XPath($"//section[.//code[normalize-space(.)='{Urn}']]//table")).Text, StringComparison.Ordinal);

        var id = await ScimCalls.CreateUserAsOktaAsync(Server, tenant, "pat@example.com");
        await ScimCalls.SendAsOktaAsync(Server, tenant.OrgId, tenant.ScimToken, HttpMethod.Put, $"Users/{id}", $$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","{{{Urn}}}"],"userName":"pat@example.com",
             "name":{"givenName":"Pat","familyName":"Provisioned"},"active":true,"{{{Urn}}}":{"costCode":"CC-7","level":3}}
            """);
        using var scim = new HttpClient { BaseAddress = Server.BaseAddress };
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tenant.ScimToken);
        var user = JsonNode.Parse(await scim.GetStringAsync(new Uri($"scim/v2/{tenant.OrgId}/Users/{id}", UriKind.Relative)))!;
        var schemas = JsonNode.Parse(await scim.GetStringAsync(new Uri($"scim/v2/{tenant.OrgId}/Schemas", UriKind.Relative)))!;

        Assert.Equal("CC-7", user[Urn]!["costCode"]!.GetValue<string>());
        Assert.Equal(3, user[Urn]!["level"]!.GetValue<int>());
        Assert.Contains(schemas["Resources"]!.AsArray(), s => s!["id"]!.GetValue<string>() == Urn);
    }

    [Fact]
    public async Task Deleting_an_extension_that_holds_values_is_refused_with_the_reason()
    {
        var tenant = await SignInToNewTenantAsync();
        Open("console/settings/scim-schema/edit");
        Browser.Type("URN", Urn);
        Row(0, "name").SendKeys("badge");
        Browser.ClickToLoad("Save");
        Browser.Sees($"Schema extension '{Urn}' saved");
        var id = await ScimCalls.CreateUserAsOktaAsync(Server, tenant, "sam@example.com");
        await ScimCalls.SendAsOktaAsync(Server, tenant.OrgId, tenant.ScimToken, HttpMethod.Patch, $"Users/{id}",
            $$$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"{{{Urn}}}:badge","value":"B-1"}]}""");

        Browser.Find(By.CssSelector($"button[aria-label='Delete {Urn}']")).Click();
        Browser.Until(d => d.SwitchTo().Alert()).Accept();

        Browser.Sees("cannot be deleted");
        Assert.Contains(Urn, Browser.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_scim_permission_the_page_is_not_offered_and_its_urls_answer_403()
    {
        await SignInToNewTenantAsync("employees.view");

        Assert.Empty(Browser.Driver.FindElements(By.LinkText("SCIM schema")));
        using var http = SessionClient();
        foreach (var path in new[] { "console/settings/scim-schema", "console/settings/scim-schema/edit" })
        {
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("scim.manage", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private IWebElement Row(int row, string box) => Browser.Find(By.Id($"attribute-{row}-{box}"));

    private string Error(string id) => Browser.Until(d => d.FindElement(By.Id($"{id}-error")).Text is { Length: > 0 } text ? text : null)!;
}
