using Roster.Console.Tests.Infrastructure;

namespace Roster.Console.Tests.Developer;

/// <summary>
/// The registration form keeps who registers the app (the signed-in person unless changed) and
/// the business unit, shows them on the list and the edit page, and emails the technical
/// contacts the registration, never the client secret; contacts added later are emailed too.
/// </summary>
public sealed class AppRegistrationMailTests(ConsoleServerFixture server, ChromiumBrowser browser) : ConsoleTest(server, browser)
{
    [Fact]
    public async Task The_contacts_get_the_registration_without_the_secret_and_registrant_and_business_unit_are_kept_and_edited()
    {
        var tenant = await SignInToNewTenantAsync();
        var contact = $"it-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        var added = $"sec-{Guid.NewGuid().ToString("N")[..8]}@example.com";
        Open("console/developer/apps/new");
        Assert.Equal($"Ada Admin <{tenant.AdminEmail}>", Browser.Field("Registrant").GetAttribute("value"));
        Browser.Type("App name", "Okta CXone Integration");
        Browser.Type("Technical contacts (emails)", contact);
        Browser.Type("Business unit (optional)", "Contact center EMEA");
        Browser.Field("User, confidential").Click();
        Browser.Type("Redirect URLs", "https://idp.example.com/oauth/callback");
        Browser.ClickToLoad("Register");

        var clientId = Browser.ValueOf("client-id");
        var secret = Browser.ValueOf("client-secret");
        Assert.Contains(contact, Browser.Find(By.Id("mailed")).Text, StringComparison.Ordinal);
        var mail = PickupMail.LastTo(Server.MailFolder, contact);
        foreach (var body in new[] { mail.TextBody, mail.HtmlBody })
        {
            Assert.Contains(clientId, body, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
            Assert.Contains("Contact center EMEA", body, StringComparison.Ordinal);
            Assert.Contains(tenant.Name, body, StringComparison.Ordinal);
            Assert.Contains($"/scim/v2/{tenant.OrgId}", body, StringComparison.Ordinal);
        }

        Open("console/developer/apps");
        var row = Browser.Find(By.Id("apps")).Text;
        Assert.Contains($"Ada Admin <{tenant.AdminEmail}>", row, StringComparison.Ordinal);
        Assert.Contains("Contact center EMEA", row, StringComparison.Ordinal);

        Browser.ClickToLoad("Edit");
        Assert.Equal("Contact center EMEA", Browser.Field("Business unit (optional)").GetAttribute("value"));
        Browser.Type("Registrant", "Grace Hopper");
        Browser.Type("Business unit (optional)", "Support APAC");
        Browser.Type("Technical contacts (emails)", $"{contact}\n{added}");
        Browser.ClickToLoad("Save");

        row = Browser.Find(By.Id("apps")).Text;
        Assert.Contains("Grace Hopper", row, StringComparison.Ordinal);
        Assert.Contains("Support APAC", row, StringComparison.Ordinal);
        var toAdded = PickupMail.LastTo(Server.MailFolder, added);
        Assert.Contains(clientId, toAdded.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, toAdded.TextBody, StringComparison.Ordinal);
        Assert.Contains("Support APAC", toAdded.TextBody, StringComparison.Ordinal);
        Assert.Equal(mail.MessageId, PickupMail.LastTo(Server.MailFolder, contact).MessageId);
    }
}
