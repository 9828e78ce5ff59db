using System.Net;
using System.Net.Http.Json;
using Roster.Directory.Administration;
using Roster.Directory.Apps;
using Roster.Server.Tests.Events;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

/// <summary>
/// <c>POST /apps</c> keeps the registrant (the registering employee unless given) and the business
/// unit, and emails the registration to each technical contact without the client secret; a mail
/// that fails loses nothing. An edit of the details (the console's, or <c>PUT /apps/{id}</c>) is
/// the event <c>app.updated</c>.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminAppRegistrationTests(RosterServerFixture server)
{
    private const string Manage = "security.login.manage";
    private const string Callback = "https://idp.example.com/oauth/callback";

    [Fact]
    public async Task Registering_keeps_registrant_and_business_unit_and_mails_each_contact_everything_but_the_secret()
    {
        var admin = await server.CreateAdminAsync(Manage);
        var first = Contact("it");
        var second = Contact("security");

        var response = await admin.Http.PostAsJsonAsync("apps", Form([first, second], businessUnit: "Contact center EMEA"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registered = await response.ReadObjectAsync();
        var app = registered["app"]!;
        var clientId = (string)app["clientId"]!;
        var secret = (string)registered["clientSecret"]!;
        Assert.Equal($"Ada Admin <{admin.Email}>", (string?)app["registrant"]);
        Assert.Equal("Contact center EMEA", (string?)app["businessUnit"]);
        Assert.Equal([first, second], registered["mailedTo"]!.AsArray().Select(a => (string)a!));
        Assert.Empty(registered["mailFailedTo"]!.AsArray());
        var read = await (await admin.Http.GetAsync($"apps/{(string)app["id"]!}")).ReadObjectAsync();
        Assert.Equal("Contact center EMEA", (string?)read["businessUnit"]);
        Assert.Equal($"Ada Admin <{admin.Email}>", (string?)read["registrant"]);

        foreach (var contact in new[] { first, second })
        {
            var mail = server.Mail.LastTo(contact);
            foreach (var body in new[] { mail.TextBody, mail.HtmlBody })
            {
                Assert.Contains(clientId, body, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
                Assert.DoesNotContain(secret["roster_cs_".Length..], body, StringComparison.Ordinal);
                Assert.Contains("Contact center EMEA", body, StringComparison.Ordinal);
                Assert.Contains($"/scim/v2/{admin.OrgId}", body, StringComparison.Ordinal);
                Assert.Contains("/auth/token", body, StringComparison.Ordinal);
                Assert.Contains(Callback, body, StringComparison.Ordinal);
                Assert.Contains("user-confidential", body, StringComparison.Ordinal);
                Assert.Contains(admin.Email, body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_given_registrant_is_kept_and_a_failed_mail_loses_nothing()
    {
        var admin = await server.CreateAdminAsync(Manage);
        var reached = Contact("reached");
        var refused = Contact("refused");
        server.Mail.FailFor(refused);

        var response = await admin.Http.PostAsJsonAsync("apps", Form([refused, reached], registrant: "Grace Hopper, IT operations"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var registered = await response.ReadObjectAsync();
        Assert.Equal("Grace Hopper, IT operations", (string?)registered["app"]!["registrant"]);
        Assert.Null(registered["app"]!["businessUnit"]);
        Assert.Equal([reached], registered["mailedTo"]!.AsArray().Select(a => (string)a!));
        Assert.Equal([refused], registered["mailFailedTo"]!.AsArray().Select(a => (string)a!));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"apps/{(string)registered["app"]!["id"]!}")).StatusCode);
        Assert.Contains("Grace Hopper, IT operations", server.Mail.LastTo(reached).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_ten_contacts_or_an_overlong_business_unit_is_400_naming_each_field_and_no_mail_goes_out()
    {
        var admin = await server.CreateAdminAsync(Manage);
        var contacts = Enumerable.Range(0, 11).Select(i => Contact($"many{i}")).ToArray();

        var response = await admin.Http.PostAsJsonAsync("apps", Form(contacts, businessUnit: new string('b', 101)));

        var problem = await AdminAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["contacts"]);
        Assert.NotNull(problem["errors"]!["businessUnit"]);
        Assert.DoesNotContain(server.Mail.Sent, m => contacts.Contains(m.To, StringComparer.OrdinalIgnoreCase));
        Assert.Empty((await admin.Http.GetFromJsonAsync<List<object>>("apps"))!);
    }

    [Fact]
    public async Task Changing_the_details_is_app_updated_in_the_feed_and_saving_nothing_new_is_no_event()
    {
        var admin = await server.CreateAdminAsync(Manage, "events.read", "employees.view");
        var registered = await (await admin.Http.PostAsJsonAsync("apps", Form([Contact("feed")]))).ReadObjectAsync();
        var id = Guid.Parse((string)registered["app"]!["id"]!);
        var head = long.Parse((string)(await admin.Http.ReadFeedAsync(0, "&limit=1"))["head"]!, System.Globalization.CultureInfo.InvariantCulture);
        var update = server.Services.GetRequiredService<UpdateApp>();
        var actor = AdminActor.Operator(admin.OrgId);
        var details = new AppDetails("Okta sync", [Contact("feed")], [Callback], "Grace Hopper", "Support APAC");

        Assert.True((await update.ExecuteAsync(actor, id, details, CancellationToken.None)).IsSuccess);
        Assert.True((await update.ExecuteAsync(actor, id, details, CancellationToken.None)).IsSuccess);

        var updated = Assert.Single(await admin.Http.ReadAllAsync(head, "&types=app.*"));
        Assert.Equal("app.updated", (string)updated["type"]!);
        var changes = updated["data"]!["changes"]!;
        Assert.Equal("Support APAC", (string?)changes["businessUnit"]!["after"]);
        Assert.Equal("Grace Hopper", (string?)changes["registrant"]!["after"]);
        Assert.Equal("Okta sync", (string?)changes["description"]!["after"]);
        Assert.Null(changes["clientSecret"]);
    }

    [Fact]
    public async Task Put_changes_the_details_keeps_the_credentials_and_what_is_left_out_and_is_app_updated()
    {
        var admin = await server.CreateAdminAsync(Manage, "events.read", "employees.view");
        var first = Contact("put");
        var added = Contact("added");
        var registered = await (await admin.Http.PostAsJsonAsync("apps", Form([first]))).ReadObjectAsync();
        var id = (string)registered["app"]!["id"]!;
        var head = long.Parse((string)(await admin.Http.ReadFeedAsync(0, "&limit=1"))["head"]!, System.Globalization.CultureInfo.InvariantCulture);
        const string Moved = "https://idp.example.com/oauth/moved";

        var response = await admin.Http.PutAsJsonAsync($"apps/{id}", new
        {
            description = "Okta sync, EMEA",
            technicalContacts = new[] { first, added },
            redirectUris = new[] { Moved },
            registrant = "Grace Hopper",
            businessUnit = "Support APAC",
        });
        var onlyUnit = await admin.Http.PutAsJsonAsync($"apps/{id}", new { businessUnit = "Support EMEA" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var app = await response.ReadObjectAsync();
        Assert.Equal((string)registered["app"]!["clientId"]!, (string)app["clientId"]!);
        Assert.Null(app["clientSecret"]);
        Assert.Equal([first, added], app["technicalContacts"]!.AsArray().Select(c => (string)c!));
        Assert.Equal([Moved], app["redirectUris"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(HttpStatusCode.OK, onlyUnit.StatusCode);
        var read = await (await admin.Http.GetAsync($"apps/{id}")).ReadObjectAsync();
        Assert.Equal("Okta sync, EMEA", (string?)read["description"]);
        Assert.Equal("Grace Hopper", (string?)read["registrant"]);
        Assert.Equal("Support EMEA", (string?)read["businessUnit"]);
        Assert.Equal([Moved], read["redirectUris"]!.AsArray().Select(c => (string)c!));
        Assert.Contains((string)app["clientId"]!, server.Mail.LastTo(added).TextBody, StringComparison.Ordinal);
        var updates = await admin.Http.ReadAllAsync(head, "&types=app.*");
        Assert.Equal(["app.updated", "app.updated"], updates.Select(u => (string)u["type"]!));
        Assert.Equal("Support APAC", (string?)updates[0]["data"]!["changes"]!["businessUnit"]!["after"]);
        Assert.Equal(Moved, (string?)updates[0]["data"]!["changes"]!["redirectUris"]!["after"]![0]);
    }

    [Fact]
    public async Task A_put_with_mistakes_is_400_naming_each_field_and_changes_nothing()
    {
        var admin = await server.CreateAdminAsync(Manage);
        var contact = Contact("unchanged");
        var registered = await (await admin.Http.PostAsJsonAsync("apps", Form([contact]))).ReadObjectAsync();
        var id = (string)registered["app"]!["id"]!;

        var response = await admin.Http.PutAsJsonAsync($"apps/{id}", new
        {
            description = "Changed",
            technicalContacts = Array.Empty<string>(),
            redirectUris = new[] { "https://system-admin.okta.com/admin/app/cpc/{appName}/oauth/callback" },
            businessUnit = new string('b', 101),
        });
        var missing = await admin.Http.PutAsJsonAsync($"apps/{Guid.NewGuid()}", new { description = "Nobody" });

        var problem = await AdminAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["contacts"]);
        Assert.Contains("still holds a placeholder such as {appName}", (string)problem["errors"]!["redirectUris"]![0]!, StringComparison.Ordinal);
        Assert.NotNull(problem["errors"]!["businessUnit"]);
        await AdminAssert.ProblemAsync(missing, HttpStatusCode.NotFound);
        var read = await (await admin.Http.GetAsync($"apps/{id}")).ReadObjectAsync();
        Assert.Null(read["description"]);
        Assert.Equal([contact], read["technicalContacts"]!.AsArray().Select(c => (string)c!));
        Assert.Equal([Callback], read["redirectUris"]!.AsArray().Select(c => (string)c!));
    }

    private static string Contact(string name) => $"{name}-{Guid.NewGuid().ToString("N")[..8]}@example.com";

    private static object Form(string[] contacts, string? registrant = null, string? businessUnit = null) => new
    {
        name = "Okta sync",
        technicalContacts = contacts,
        clientType = "user-confidential",
        redirectUris = new[] { Callback },
        registrant,
        businessUnit,
    };
}
