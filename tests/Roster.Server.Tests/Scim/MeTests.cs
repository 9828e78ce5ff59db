using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.OAuth;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// <c>/Me</c> (RFC 7644 section 3.11) for a person who signed in through the OAuth
/// authorization-code flow (Okta's "Authenticate with ..."): their own User, through the same use
/// cases as <c>/Users/{id}</c>, credited to them; a credential that was not issued to a person
/// signing in is told which one is needed.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class MeTests(RosterServerFixture server)
{
    private const string OktaCallback = "https://system-admin.okta.com/admin/app/cpc/roster/oauth/callback";
    private const string PatchOp = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    [Fact]
    public async Task A_person_signed_in_through_the_code_flow_reads_and_changes_their_own_User_through_Me()
    {
        var admin = await server.CreateAdminAsync("security.login.manage", "employees.view", "employees.edit", "audit.view");
        var app = await RegisterAsync(admin);
        var token = await CodeFlowTokenAsync(app, admin);
        using var me = server.CreateClient(token, $"scim/v2/{admin.OrgId}/");
        using var meWithoutOrg = server.CreateClient(token, "scim/v2/");

        var read = await me.GetAsync("Me");
        var body = await read.ReadObjectAsync();
        var patched = await me.PatchAsync("Me", $$"""{{{PatchOp}},"Operations":[{"op":"replace","path":"title","value":"Night shift"}]}""");
        using var stale = new HttpRequestMessage(HttpMethod.Put, "Me") { Content = ScimHttp.Json($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{admin.Email}}"}""") };
        stale.Headers.TryAddWithoutValidation("If-Match", "W/\"999999\"");
        var refused = await me.SendAsync(stale);
        var withoutOrg = await (await meWithoutOrg.GetAsync("Me")).ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(admin.EmployeeId.ToString(), body.Id());
        Assert.Equal(admin.Email, (string?)body["userName"]);
        Assert.EndsWith($"/scim/v2/{admin.OrgId}/Users/{admin.EmployeeId}", (string?)body["meta"]!["location"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await ScimErrorAssert.ClientErrorAsync(refused, HttpStatusCode.PreconditionFailed, null, "PUT /Me with a stale If-Match");
        Assert.Equal("Night shift", (string?)withoutOrg["title"]);
        Assert.EndsWith($"/scim/v2/Users/{admin.EmployeeId}", (string?)withoutOrg["meta"]!["location"], StringComparison.Ordinal);
        var audit = JsonNode.Parse(await admin.Http.GetStringAsync($"audit-events?resourceId={admin.EmployeeId}"))!["events"]!.AsArray();
        Assert.Contains(audit, e => (string?)e!["actorProfileId"] == admin.EmployeeId.ToString());
    }

    [Fact]
    public async Task A_person_deletes_their_own_User_through_Me_and_their_token_stops()
    {
        var admin = await server.CreateAdminAsync("security.login.manage", "employees.view", "employees.edit");
        var person = await server.AddEmployeeAsync(admin.Tenant, "employees.view", "employees.edit");
        var app = await RegisterAsync(admin);
        var token = await CodeFlowTokenAsync(app, person);
        using var me = server.CreateClient(token, $"scim/v2/{admin.OrgId}/");

        var deleted = await me.DeleteAsync("Me");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Tenant.Scim.GetAsync($"Users/{person.EmployeeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Tenant.Scim.GetAsync($"Users/{admin.EmployeeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await me.GetAsync("Me")).StatusCode);
    }

    [Fact]
    public async Task A_credential_not_issued_to_a_person_signing_in_is_told_which_one_Me_needs()
    {
        var admin = await server.CreateAdminAsync("security.login.manage", "accesskeys.manage", "employees.view", "employees.edit");
        var key = await (await admin.Http.PostNoBodyAsync($"employees/{admin.EmployeeId}/access-keys")).ReadObjectAsync();
        using var anonymous = server.CreateClient(null);
        var keyToken = (string)(await (await anonymous.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!)).ReadJsonAsync())["access_token"]!;
        using var withKey = server.CreateClient(keyToken, $"scim/v2/{admin.OrgId}/");
        var codeToken = await CodeFlowTokenAsync(await RegisterAsync(admin), admin);
        using var withCode = server.CreateClient(codeToken, $"scim/v2/{admin.OrgId}/");

        var scimToken = await admin.Tenant.Scim.GetAsync("Me");
        var clientCredentials = await withKey.PatchAsync("Me", $$"""{{{PatchOp}},"Operations":[{"op":"replace","path":"title","value":"x"}]}""");
        var created = await withCode.PostAsync("Me", ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"another@example.com"}"""));

        foreach (var (response, what) in new[] { (scimToken, "a SCIM token"), (clientCredentials, "a client-credentials token") })
        {
            var error = await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.Forbidden, null, what);
            Assert.Contains("authorization-code flow", (string?)error["detail"], StringComparison.Ordinal);
        }

        var refusal = await ScimErrorAssert.ClientErrorAsync(created, HttpStatusCode.Forbidden, null, "POST /Me");
        Assert.Contains("POST /Users", (string?)refusal["detail"], StringComparison.Ordinal);
        Assert.Null((await (await admin.Tenant.Scim.GetAsync($"Users/{admin.EmployeeId}")).ReadObjectAsync())["title"]);
    }

    private async Task<string> CodeFlowTokenAsync(JsonObject app, AdminSession person)
    {
        var clientId = (string)app["app"]!["clientId"]!;
        var url = $"/auth/authorize?client_id={Uri.EscapeDataString(clientId)}&response_type=code&scope={Uri.EscapeDataString("openid scim offline_access")}" +
            $"&redirect_uri={Uri.EscapeDataString(OktaCallback)}&state=me";
        using var browser = new OAuthBrowser(server.BaseAddress);
        var signIn = await browser.GetAsync(url);
        var consent = await browser.SubmitAsync(signIn.Html!, "/console/sign-in?ReturnUrl=" + Uri.EscapeDataString(url), new Dictionary<string, string> { ["Email"] = person.Email, ["Password"] = person.Password });
        var back = await browser.SubmitAsync(consent.Html!, "/auth/authorize", new Dictionary<string, string> { ["roster_decision"] = "allow" });
        using var okta = server.CreateClient(null);
        var exchanged = await okta.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = HttpUtility.ParseQueryString(back.LeftTo!.Query)["code"]!,
            ["redirect_uri"] = OktaCallback,
            ["client_id"] = clientId,
            ["client_secret"] = (string)app["clientSecret"]!,
        }));
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        return (string)(await exchanged.ReadJsonAsync())["access_token"]!;
    }

    private static async Task<JsonObject> RegisterAsync(AdminSession admin)
    {
        var response = await admin.Http.PostAsJsonAsync("apps", new
        {
            name = "Okta for Roster",
            technicalContacts = new[] { "it@example.com" },
            clientType = "user-confidential",
            redirectUris = new[] { OktaCallback },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadObjectAsync();
    }
}
