using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using Roster.Directory.Employees;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Isolation;
using Roster.Server.Tests.SignIn;

namespace Roster.Server.Tests.Sso;

/// <summary>
/// "SSO only", break-glass administrators, login authenticators and "SCIM requires SSO only",
/// over the admin API, its HTTP Basic and the console's sign-in form. A refused right password
/// says why and offers the organization's connections; a wrong one answers as it always does.
/// </summary>
[Collection(SsoCollectionDefinition.Name)]
public sealed class SsoOnlyTests(SsoServerFixture server, TestIdentityProviders idps)
{
    private const string Manage = "security.login.manage";

    [Fact]
    public async Task Sso_only_needs_an_enabled_connection_and_a_break_glass_administrator()
    {
        var admin = await server.CreateAdminAsync(Manage, "audit.view");

        var noConnection = await admin.Http.PatchAsJsonAsync("sso/settings", new { ssoOnly = true, breakGlass = new[] { admin.EmployeeId } });
        Assert.Contains("ssoOnly", (await AdminAssert.ProblemAsync(noConnection, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        var connection = await AddConnectionAsync(admin, "Okta");
        var nobody = await admin.Http.PatchAsJsonAsync("sso/settings", new { ssoOnly = true });
        var problem = await AdminAssert.ProblemAsync(nobody, HttpStatusCode.BadRequest);
        Assert.Contains("breakGlass", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("lock itself out", (string?)problem["detail"], StringComparison.Ordinal);
        var stranger = await admin.Http.PatchAsJsonAsync("sso/settings", new { ssoOnly = true, breakGlass = new[] { Guid.NewGuid() } });
        await AdminAssert.ProblemAsync(stranger, HttpStatusCode.BadRequest);
        Assert.False((bool)(await (await admin.Http.GetAsync("sso/settings")).ReadObjectAsync())["ssoOnly"]!);

        var on = await admin.Http.PatchAsJsonAsync("sso/settings", new { ssoOnly = true, breakGlass = new[] { admin.EmployeeId } });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        var settings = await on.ReadObjectAsync();
        Assert.True((bool)settings["ssoOnly"]!);
        Assert.Equal(new[] { admin.EmployeeId.ToString() }, settings["breakGlass"]!.AsArray().Select(i => (string)i!));
        var lastOne = await admin.Http.PatchAsJsonAsync("sso/settings", new { breakGlass = Array.Empty<Guid>() });
        await AdminAssert.ProblemAsync(lastOne, HttpStatusCode.BadRequest);
        var lastConnection = await admin.Http.DeleteNoBodyAsync($"sso/connections/{connection}");
        await AdminAssert.ProblemAsync(lastConnection, HttpStatusCode.Conflict);
        var audit = await admin.Http.GetStringAsync("audit-events");
        Assert.Contains("sso.settings.update", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sso_only_refuses_a_password_over_basic_and_in_the_console_but_lets_break_glass_in()
    {
        var admin = await server.CreateAdminAsync(Manage, "employees.view");
        var person = await server.AddEmployeeAsync(admin.Tenant, "employees.view");
        var connection = await AddConnectionAsync(admin, "Company IdP");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync("sso/settings", new { ssoOnly = true, breakGlass = new[] { admin.EmployeeId } })).StatusCode);

        using var refused = await SignInPeople.BasicAsync(server, admin.OrgId, person.Email, person.Password, "203.0.113.21");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("single sign-on only", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var wrong = await SignInPeople.BasicAsync(server, admin.OrgId, person.Email, "not the password", "203.0.113.22");
        var wrongAnswer = await wrong.Content.ReadAsStringAsync();
        Assert.Contains(SignInFailures.Generic, wrongAnswer, StringComparison.Ordinal);
        Assert.DoesNotContain("single sign-on", wrongAnswer, StringComparison.Ordinal);
        using var breakGlass = await SignInPeople.BasicAsync(server, admin.OrgId, admin.Email, admin.Password, "203.0.113.23");
        Assert.Equal(HttpStatusCode.OK, breakGlass.StatusCode);

        var (status, page) = await ConsoleSignInAsync(person.Email, person.Password);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(HtmlEncoder.Default.Encode("single sign-on only"), page, StringComparison.Ordinal);
        Assert.Contains($"/console/sso/{admin.OrgId}/{connection}/start", page, StringComparison.Ordinal);
        var (wrongStatus, wrongPage) = await ConsoleSignInAsync(person.Email, "not the password");
        Assert.Equal(HttpStatusCode.OK, wrongStatus);
        Assert.DoesNotContain("/console/sso/", wrongPage, StringComparison.Ordinal);
        Assert.Contains(HtmlEncoder.Default.Encode(SignInFailures.Generic), wrongPage, StringComparison.Ordinal);
        var (adminStatus, _) = await ConsoleSignInAsync(admin.Email, admin.Password);
        Assert.Equal(HttpStatusCode.Redirect, adminStatus);
    }

    [Fact]
    public async Task Sso_sign_in_still_works_while_sso_only_holds()
    {
        var admin = await server.CreateAdminAsync(Manage, "employees.view");
        var person = await server.AddEmployeeAsync(admin.Tenant, "employees.view");
        var connection = await AddRegisteredConnectionAsync(admin, "Test IdP");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync("sso/settings", new { ssoOnly = true, breakGlass = new[] { admin.EmployeeId } })).StatusCode);

        using var browser = new OidcBrowser(server.BaseAddress);
        var answer = await browser.GetAsync(await browser.SignInAtIdpAsync($"console/sso/{admin.OrgId}/{connection}/start", person.Email));

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("console")).StatusCode);
    }

    [Fact]
    public async Task A_person_bound_to_a_connection_signs_in_only_through_it()
    {
        var admin = await server.CreateAdminAsync(Manage, "employees.view", "employees.edit", "scim.manage");
        var person = await server.AddEmployeeAsync(admin.Tenant, "employees.view");
        var scimOff = await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = false, userNameMustBePrimaryEmail = false, namesNotUpdatable = false });
        Assert.Equal(HttpStatusCode.OK, scimOff.StatusCode);
        var bound = await AddRegisteredConnectionAsync(admin, "Bound IdP");
        var other = await AddRegisteredConnectionAsync(admin, "Other IdP");

        var unknown = await admin.Http.PutAsJsonAsync($"employees/{person.EmployeeId}", new { loginAuthenticator = $"sso:{Guid.NewGuid()}" });
        Assert.Contains("loginAuthenticator", (await AdminAssert.ProblemAsync(unknown, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key));
        var saved = await admin.Http.PutAsJsonAsync($"employees/{person.EmployeeId}", new { loginAuthenticator = $"sso:{bound}" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal($"sso:{bound}", (string?)(await saved.ReadObjectAsync())["loginAuthenticator"]);

        using var password = await SignInPeople.BasicAsync(server, admin.OrgId, person.Email, person.Password, "203.0.113.31");
        Assert.Equal(HttpStatusCode.Unauthorized, password.StatusCode);
        Assert.Contains("'Bound IdP'", (string?)(await password.ReadObjectAsync())["detail"], StringComparison.Ordinal);
        var (_, page) = await ConsoleSignInAsync(person.Email, person.Password);
        Assert.Contains($"/console/sso/{admin.OrgId}/{bound}/start", page, StringComparison.Ordinal);

        using var elsewhere = new OidcBrowser(server.BaseAddress);
        var refused = await elsewhere.GetAsync(await elsewhere.SignInAtIdpAsync($"console/sso/{admin.OrgId}/{other}/start", person.Email));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var through = new OidcBrowser(server.BaseAddress);
        var signedIn = await through.GetAsync(await through.SignInAtIdpAsync($"console/sso/{admin.OrgId}/{bound}/start", person.Email));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Scim_requires_sso_only_refuses_scim_until_sso_only_is_on()
    {
        var admin = await server.CreateAdminAsync(Manage, "scim.manage");
        var scimOff = new { enabled = false, userNameMustBePrimaryEmail = false, namesNotUpdatable = false };
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync("scim-settings", scimOff)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync("sso/settings", new { scimRequiresSsoOnly = true })).StatusCode);
        var scimOn = new { enabled = true, userNameMustBePrimaryEmail = false, namesNotUpdatable = false };

        var refused = await admin.Http.PutAsJsonAsync("scim-settings", scimOn);
        var detail = (string?)(await AdminAssert.ProblemAsync(refused, HttpStatusCode.Conflict))["detail"];
        Assert.Contains("turn 'SSO only' on under Security > Login", detail, StringComparison.Ordinal);
        Assert.False((bool)(await (await admin.Http.GetAsync("scim-settings")).ReadObjectAsync())["enabled"]!);

        await AddConnectionAsync(admin, "Okta");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync("sso/settings", new { ssoOnly = true, breakGlass = new[] { admin.EmployeeId } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync("scim-settings", scimOn)).StatusCode);
        var off = await admin.Http.PatchAsJsonAsync("sso/settings", new { ssoOnly = false });
        await AdminAssert.ProblemAsync(off, HttpStatusCode.Conflict);
    }

    private static async Task<Guid> AddConnectionAsync(AdminSession admin, string name)
    {
        var created = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name, issuer = "https://idp.example.com", clientId = "roster" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return Guid.Parse((string)(await created.ReadObjectAsync())["id"]!);
    }

    private async Task<Guid> AddRegisteredConnectionAsync(AdminSession admin, string name)
    {
        var created = await admin.Http.PostAsJsonAsync("sso/connections", new { protocol = "oidc", name, issuer = idps.OidcIssuer, clientId = "not-registered-yet" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var document = await created.ReadObjectAsync();
        var (clientId, clientSecret) = await idps.RegisterClientAsync((string)document["callbackUrl"]!);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PatchAsJsonAsync($"sso/connections/{document["id"]}", new { clientId, clientSecret })).StatusCode);
        return Guid.Parse((string)document["id"]!);
    }

    private async Task<(HttpStatusCode Status, string Page)> ConsoleSignInAsync(string email, string password)
    {
        var browser = await ConsoleSession.AnonymousAsync(server.BaseAddress);
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        using var request = Requests.Form("console/sign-in", browser.FormToken, ("Email", email), ("Password", password));
        browser.Apply(request);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
