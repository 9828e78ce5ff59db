using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// Console sign-in through a tenant's OpenID Connect connection, against a real OpenID provider
/// (<c>oidc-provider</c> run by Node): the connection is set up over the admin API, the person
/// signs in at the IdP, and Roster's callback starts a console session only for an active
/// employee of that organization. Every refusal is a page, never a 500.
/// </summary>
[Collection(SsoCollectionDefinition.Name)]
public sealed class OidcSignInTests(SsoServerFixture server, TestIdentityProviders idps)
{
    private const string Manage = "security.login.manage";

    [Fact]
    public async Task An_active_employee_signs_in_through_the_IdP_and_gets_a_console_session()
    {
        var (admin, connection) = await ConnectAsync();
        using var browser = new OidcBrowser(server.BaseAddress);

        var callback = await browser.SignInAtIdpAsync(StartPath(connection), admin.Email.ToUpperInvariant());
        var answer = await browser.GetAsync(callback);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/console", answer.Headers.Location!.ToString());
        var console = await browser.GetAsync("console");
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains(admin.Email, await console.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_callback_used_twice_or_in_another_browser_is_refused_with_a_page()
    {
        var (admin, connection) = await ConnectAsync();
        using var browser = new OidcBrowser(server.BaseAddress);
        var callback = await browser.SignInAtIdpAsync(StartPath(connection), admin.Email);
        using var other = new OidcBrowser(server.BaseAddress);

        var elsewhere = await other.GetAsync(callback);
        var first = await browser.GetAsync(callback);
        var again = await browser.GetAsync(callback);

        await AssertRefusedAsync(elsewhere, HttpStatusCode.BadRequest, "Start again");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        await AssertRefusedAsync(again, HttpStatusCode.BadRequest, "Start again");
    }

    [Fact]
    public async Task A_changed_state_or_code_is_refused_with_a_page()
    {
        var (admin, connection) = await ConnectAsync();
        using var browser = new OidcBrowser(server.BaseAddress);
        var callback = await browser.SignInAtIdpAsync(StartPath(connection), admin.Email);
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        var state = query["state"]!;
        var code = query["code"]!;

        var changedState = await browser.GetAsync(new Uri(callback.GetLeftPart(UriPartial.Path) + $"?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state[..^4] + "AAAA")}&iss={Uri.EscapeDataString(idps.OidcIssuer)}"));
        var changedCode = await browser.GetAsync(new Uri(callback.GetLeftPart(UriPartial.Path) + $"?code={Uri.EscapeDataString(code + "x")}&state={Uri.EscapeDataString(state)}&iss={Uri.EscapeDataString(idps.OidcIssuer)}"));

        await AssertRefusedAsync(changedState, HttpStatusCode.BadRequest, "Start again");
        await AssertRefusedAsync(changedCode, HttpStatusCode.BadRequest, "Start again");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("console")).StatusCode);
    }

    [Fact]
    public async Task A_deactivated_employee_an_unknown_email_and_an_unverified_email_are_refused_with_pages_that_say_why()
    {
        var (admin, connection) = await ConnectAsync();
        var leaver = await server.AddEmployeeAsync(admin.Tenant, "employees.view");
        var deactivated = await admin.Tenant.Scim.PatchAsync($"Users/{leaver.EmployeeId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        Assert.True(deactivated.IsSuccessStatusCode, await deactivated.Content.ReadAsStringAsync());

        await AssertRefusedAsync(await SignInAsync(connection, leaver.Email), HttpStatusCode.Forbidden, "deactivated");
        await AssertRefusedAsync(await SignInAsync(connection, $"nobody-{Guid.NewGuid():N}@example.com"), HttpStatusCode.Forbidden, "There is no profile");
        await AssertRefusedAsync(await SignInAsync(connection, admin.Email, emailVerified: false), HttpStatusCode.Forbidden, "not verified");
    }

    [Fact]
    public async Task Another_tenants_employee_is_not_signed_in_and_a_connection_is_not_found_under_another_org()
    {
        var (_, connection) = await ConnectAsync();
        var other = await server.CreateAdminAsync(Manage);

        await AssertRefusedAsync(await SignInAsync(connection, other.Email), HttpStatusCode.Forbidden, "There is no profile");
        using var browser = new OidcBrowser(server.BaseAddress);
        var start = await browser.GetAsync(StartPath(connection).Replace(connection.OrgId.ToString(), other.OrgId.ToString(), StringComparison.Ordinal));
        await AssertRefusedAsync(start, HttpStatusCode.NotFound, "no single sign-on connection");
    }

    [Fact]
    public async Task A_turned_off_connection_and_an_unreachable_IdP_are_pages()
    {
        var (admin, connection) = await ConnectAsync();
        using var browser = new OidcBrowser(server.BaseAddress);
        var callback = await browser.SignInAtIdpAsync(StartPath(connection), admin.Email);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync($"sso/connections/{connection.Id}", new { enabled = false })).StatusCode);

        await AssertRefusedAsync(await browser.GetAsync(callback), HttpStatusCode.Forbidden, "turned off");
        var dead = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name = "Gone", issuer = "http://127.0.0.1:9/", clientId = "roster" });
        var deadId = (string)(await dead.ReadObjectAsync())["id"]!;
        await AssertRefusedAsync(await browser.GetAsync($"console/sso/{admin.OrgId}/{deadId}/start"), HttpStatusCode.BadGateway, "cannot be reached");
    }

    [Fact]
    public async Task The_admin_API_answers_bad_input_with_problem_details_and_never_returns_the_secret()
    {
        var admin = await server.CreateAdminAsync(Manage, "audit.view");
        var viewer = await server.AddEmployeeAsync(admin.Tenant, "employees.view");

        var saml = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "saml", name = "SAML", issuer = "https://idp.example.com" });
        var plainHttp = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name = "Plain", issuer = "http://idp.example.com", clientId = "roster" });
        var noIssuer = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name = "None", clientId = "roster" });
        var notJson = await admin.Http.PostAsync("sso/connections", new StringContent("{\"protocol\":", System.Text.Encoding.UTF8, "application/json"));
        var forbidden = await viewer.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name = "Mine", issuer = "https://idp.example.com", clientId = "roster" });
        var created = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name = "Okta", issuer = "https://acme.okta.com", clientId = "roster", clientSecret = "s3cret-value" });
        var duplicate = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name = "Okta", issuer = "https://acme.okta.com", clientId = "roster" });
        var missing = await admin.Http.GetAsync($"sso/connections/{Guid.NewGuid()}");

        await AdminAssert.ProblemAsync(saml, HttpStatusCode.BadRequest);
        Assert.Contains("HTTPS", (string?)(await AdminAssert.ProblemAsync(plainHttp, HttpStatusCode.BadRequest))["detail"], StringComparison.Ordinal);
        await AdminAssert.ProblemAsync(noIssuer, HttpStatusCode.BadRequest);
        await AdminAssert.ProblemAsync(notJson, HttpStatusCode.BadRequest);
        await AdminAssert.ProblemAsync(forbidden, HttpStatusCode.Forbidden);
        await AdminAssert.ProblemAsync(duplicate, HttpStatusCode.Conflict);
        await AdminAssert.ProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain("s3cret-value", text, StringComparison.Ordinal);
        var document = JsonNode.Parse(text)!;
        Assert.True((bool)document["clientSecretSet"]!);
        Assert.EndsWith($"/console/sso/{admin.OrgId}/{document["id"]}/callback", (string?)document["callbackUrl"], StringComparison.Ordinal);
        var audit = await admin.Http.GetStringAsync($"audit-events?resourceId={document["id"]}");
        Assert.Contains("sso_connection.create", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", audit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.DeleteNoBodyAsync($"sso/connections/{document["id"]}")).StatusCode);
    }

    private async Task<HttpResponseMessage> SignInAsync(Connection connection, string email, bool emailVerified = true)
    {
        using var browser = new OidcBrowser(server.BaseAddress);
        return await browser.GetAsync(await browser.SignInAtIdpAsync(StartPath(connection), email, emailVerified));
    }

    /// <summary>A tenant with an administrator, and an OpenID Connect connection to a client registered at the test IdP.</summary>
    private async Task<(AdminSession Admin, Connection Connection)> ConnectAsync()
    {
        var admin = await server.CreateAdminAsync(Manage, "employees.view", "employees.edit", "audit.view");
        var created = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name = "Test IdP", issuer = idps.OidcIssuer, clientId = "not-registered-yet" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var document = await created.ReadObjectAsync();
        var (clientId, clientSecret) = await idps.RegisterClientAsync((string)document["callbackUrl"]!);
        var saved = await admin.Http.PatchAsJsonAsync($"sso/connections/{document["id"]}", new { clientId, clientSecret });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return (admin, new Connection(admin.OrgId, Guid.Parse((string)document["id"]!)));
    }

    private static string StartPath(Connection connection) => $"console/sso/{connection.OrgId}/{connection.Id}/start";

    private static async Task AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string says)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode} {response.Headers.Location} {body}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, body, StringComparison.Ordinal);
        Assert.Contains("/console/sign-in", body, StringComparison.Ordinal);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith(Roster.Server.Console.ConsoleAuthentication.CookieName + "=", StringComparison.Ordinal));
    }

    private sealed record Connection(Guid OrgId, Guid Id);
}
