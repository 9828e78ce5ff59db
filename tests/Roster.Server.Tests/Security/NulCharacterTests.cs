using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.OAuth;
using Roster.Server.Tests.Scim;

namespace Roster.Server.Tests.Security;

/// <summary>
/// U+0000 (NUL) in any request string, on every database: PostgreSQL's text cannot hold it, so a
/// NUL that reached a statement was a 500, even for anonymous requests. Every API refuses it up
/// front in its own words (a SCIM error, a ProblemDetails, an OAuth error, a console page), and
/// nothing is stored.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class NulCharacterTests(RosterServerFixture server)
{
    [Theory]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"nul\u0000user"}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"nul@example.com","name":{"givenName":"\u0000"}}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"nul@example.com","emails":[{"value":"a\u0000@example.com"}]}""", "invalidValue")]
    [InlineData("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"nul@example.com","nick\u0000Name":"x"}""", "invalidSyntax")]
    public async Task A_NUL_in_a_SCIM_body_is_400_and_nothing_is_stored(string body, string scimType)
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json(body));

        var error = await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, scimType, body);
        Assert.Contains("U+0000", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
    }

    [Fact]
    public async Task A_NUL_in_a_PATCH_or_a_PUT_is_400_and_changes_nothing()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("patched@example.com");
        var group = await tenant.Scim.CreateGroupAsync("Put");
        var userVersion = await ScimErrorAssert.VersionAsync(tenant.Scim, $"Users/{user.Id()}");
        var groupVersion = await ScimErrorAssert.VersionAsync(tenant.Scim, $"Groups/{group.Id()}");

        var patch = await tenant.Scim.PatchAsync($"Users/{user.Id()}", """{"Operations":[{"op":"replace","path":"displayName","value":"a\u0000b"}]}""");
        var path = await tenant.Scim.PatchAsync($"Users/{user.Id()}", """{"Operations":[{"op":"replace","path":"emails[value eq \"\u0000\"].type","value":"work"}]}""");
        var escapedInPath = await tenant.Scim.PatchAsync($"Users/{user.Id()}", """{"Operations":[{"op":"replace","path":"emails[value eq \"\\u0000\"].type","value":"work"}]}""");
        var members = await tenant.Scim.PatchAsync($"Groups/{group.Id()}", """{"Operations":[{"op":"remove","path":"members[value eq \"\\u0000\"]"}]}""");
        var put = await tenant.Scim.PutAsync($"Groups/{group.Id()}", ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"\u0000"}"""));

        await ScimErrorAssert.ClientErrorAsync(patch, HttpStatusCode.BadRequest, "invalidValue", "PATCH value");
        await ScimErrorAssert.ClientErrorAsync(path, HttpStatusCode.BadRequest, null, "PATCH path");
        await ScimErrorAssert.ClientErrorAsync(escapedInPath, HttpStatusCode.BadRequest, null, "PATCH path with an escape");
        await ScimErrorAssert.ClientErrorAsync(members, HttpStatusCode.BadRequest, null, "PATCH member filter");
        await ScimErrorAssert.ClientErrorAsync(put, HttpStatusCode.BadRequest, "invalidValue", "PUT");
        Assert.Equal(userVersion, await ScimErrorAssert.VersionAsync(tenant.Scim, $"Users/{user.Id()}"));
        Assert.Equal(groupVersion, await ScimErrorAssert.VersionAsync(tenant.Scim, $"Groups/{group.Id()}"));
    }

    [Theory]
    [InlineData("Users?filter=userName%20eq%20%22a%00b%22", "invalidFilter")]
    [InlineData("Users?filter=userName%20eq%20%22a%5Cu0000b%22", "invalidFilter")]
    [InlineData("Users?filter=userName%20eq%20a%00b", "invalidFilter")]
    [InlineData("Groups?filter=displayName%20co%20%22%00%22", "invalidFilter")]
    [InlineData("Groups?filter=members%5Bdisplay%20eq%20%22%5Cu0000%22%5D", "invalidFilter")]
    [InlineData("Users?attributes=user%00Name", null)]
    [InlineData("Users?excludedAttributes=%00", null)]
    [InlineData("Users?sortBy=userName%00", null)]
    [InlineData("Users?cursor=%00", null)]
    [InlineData("Users?count=%00", null)]
    public async Task A_NUL_in_a_SCIM_query_is_400(string query, string? scimType)
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.GetAsync(query);

        await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, scimType, query);
    }

    [Theory]
    [InlineData("{\"filter\":\"userName eq \\\"\\u0000\\\"\"}")]
    [InlineData("{\"filter\":\"userName eq \\\"\\\\u0000\\\"\"}")]
    [InlineData("{\"filter\":\"userName pr\",\"sortBy\":\"\\u0000\"}")]
    public async Task A_NUL_in_a_search_request_is_400(string body)
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users/.search", ScimHttp.Json(body));

        await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, null, body);
    }

    [Theory]
    [InlineData("Users/%00")]
    [InlineData("Groups/a%00b")]
    public async Task A_NUL_in_a_SCIM_path_is_a_client_error(string path)
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.GetAsync(path);

        Assert.True((int)response.StatusCode is 400 or 404, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_NUL_in_an_admin_sign_in_email_is_refused_like_any_wrong_sign_in_or_as_a_400()
    {
        var admin = await server.CreateAdminAsync("roles.manage");
        foreach (var email in new[] { "\u0000", admin.Email + "\u0000", "nobody\u0000@example.com" })
        {
            using var http = server.CreateClient(null, $"api/v1/orgs/{admin.OrgId}/");
            http.DefaultRequestHeaders.Authorization = AdminSessions.Basic(email, admin.Password);

            var response = await http.GetAsync("roles");

            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await AdminAssert.ProblemAsync(response, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_NUL_in_an_admin_request_is_400_ProblemDetails_and_nothing_is_stored()
    {
        var admin = await server.CreateAdminAsync("roles.manage", "employees.view", "audit.view", "security.login.manage", "scim.manage");

        var role = await admin.Http.PostAsJsonAsync("roles", new { name = "Role\u0000" });
        var nested = await admin.Http.PostAsJsonAsync("apps", new { name = "App", clientType = "user-confidential", redirectUris = new[] { "https://example.com/cb" }, technicalContacts = new[] { "a\u0000@example.com" } });
        var domain = await admin.Http.PostAsJsonAsync("domains", new { domain = "exa\u0000mple.com" });
        var search = await admin.Http.GetAsync("employees?search=%00");
        var audit = await admin.Http.GetAsync("audit-events?action=%00&resourceId=%00");
        var roles = await (await admin.Http.GetAsync("roles")).Content.ReadAsStringAsync();

        foreach (var response in new[] { role, nested, domain, search, audit })
        {
            await AdminAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        }

        Assert.DoesNotContain("\"Role", roles, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("form")]
    [InlineData("basic")]
    [InlineData("anonymous form")]
    public async Task A_NUL_in_a_client_id_at_the_token_endpoint_is_an_OAuth_error(string how)
    {
        using var http = server.CreateClient(null);
        var clientId = "RAK\u0000" + Guid.NewGuid().ToString("N")[..8];

        var response = how switch
        {
            "basic" => await http.ClientCredentialsBasicAsync(clientId, "roster_sk_secret"),
            "form" => await http.ClientCredentialsPostAsync(clientId, "roster_sk_secret"),
            _ => await http.PostAsync("auth/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "\u0000" })),
        };

        await AssertOAuthErrorAsync(response);
    }

    [Fact]
    public async Task A_NUL_at_the_authorize_and_revoke_endpoints_is_an_OAuth_error()
    {
        using var http = server.CreateClient(null);

        var authorize = await http.GetAsync("auth/authorize?response_type=code&scope=openid&client_id=RAK%00&redirect_uri=https%3A%2F%2Fexample.com%2Fcb");
        var revoke = await http.PostAsync("auth/revoke", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "\u0000", ["client_id"] = "RAK\u0000" }));

        await AssertOAuthErrorAsync(authorize);
        await AssertOAuthErrorAsync(revoke);
    }

    [Fact]
    public async Task A_NUL_in_the_console_sign_in_form_is_refused_with_a_page()
    {
        using var browser = new OAuthBrowser(server.BaseAddress);
        var (page, _, _) = await browser.GetAsync("console/sign-in");

        var (html, _, status) = await browser.SubmitAsync(page!, "console/sign-in", new Dictionary<string, string> { ["Email"] = "a\u0000@example.com", ["Password"] = "x" });

        Assert.True(status is HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{(int)status} {html}");
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("correlation id", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("User-Agent: Okta\0SCIM")]
    [InlineData("X-Client: a\0b")]
    [InlineData("Cookie: a=\0")]
    public async Task A_NUL_in_a_header_is_refused_by_Kestrel_before_Roster_reads_it(string header)
    {
        var tenant = await server.CreateTenantAsync();
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        var stream = tcp.GetStream();
        var request = $"GET /scim/v2/{tenant.OrgId}/Users HTTP/1.1\r\nHost: {server.BaseAddress.Authority}\r\nAuthorization: Bearer {tenant.Token}\r\n{header}\r\nConnection: close\r\n\r\n";

        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(request));
        using var reader = new StreamReader(stream);
        var statusLine = await reader.ReadLineAsync();

        Assert.StartsWith("HTTP/1.1 400", statusLine, StringComparison.Ordinal);
    }

    private static async Task AssertOAuthErrorAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"{(int)response.StatusCode} {text}");
        var error = JsonNode.Parse(text)!.AsObject();
        Assert.Contains(error["error"]!.GetValue<string>(), new[] { "invalid_request", "invalid_client" });
    }
}
