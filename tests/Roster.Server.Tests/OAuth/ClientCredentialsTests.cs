using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.OAuth;

/// <summary>An access key as OAuth client credentials (CXone with Okta or Entra): token, then SCIM calls.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ClientCredentialsTests(RosterServerFixture server)
{
    [Fact]
    public async Task An_access_key_gets_a_token_by_post_and_by_basic_and_the_token_provisions_users_credited_to_the_owner()
    {
        var (admin, owner, key) = await KeyAsync();
        using var http = server.CreateClient(null);

        var posted = await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!);
        var basic = await http.ClientCredentialsBasicAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!);
        var token = await posted.ReadJsonAsync();
        using var scim = server.CreateClient((string)token["access_token"]!, $"scim/v2/{admin.OrgId}/");
        using var scimWithoutOrg = server.CreateClient((string)token["access_token"]!, "scim/v2/");
        var user = await scim.CreateUserAsync("okta-user@example.com");
        var listed = await scimWithoutOrg.GetAsync("Users?filter=userName eq \"okta-user@example.com\"");

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("Bearer", (string?)token["token_type"]);
        Assert.Equal("scim", (string?)token["scope"]);
        Assert.InRange((int)token["expires_in"]!, 3000, 3600);
        Assert.Equal(HttpStatusCode.OK, basic.StatusCode);
        Assert.Equal(1, (int)(await listed.ReadObjectAsync())["totalResults"]!);
        var audit = JsonNode.Parse(await admin.Http.GetStringAsync($"audit-events?resourceId={user.Id()}"))!["events"]!.AsArray().Single()!;
        Assert.Equal(owner.EmployeeId.ToString(), (string?)audit["actorProfileId"]);
        Assert.Equal((string?)key["id"], (string?)audit["credentialId"]);
        var keys = JsonNode.Parse(await admin.Http.GetStringAsync("access-keys"))!.AsArray();
        Assert.NotNull(keys.Single()!["lastUsed"]);
    }

    [Fact]
    public async Task A_wrong_secret_or_unknown_key_is_invalid_client_and_says_nothing_more()
    {
        var (_, _, key) = await KeyAsync();
        using var http = server.CreateClient(null);

        var wrong = await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, "roster_sk_" + new string('a', 46));
        var unknown = await http.ClientCredentialsPostAsync("RAKAAAAAAAAAAAAAAAAAAAA", (string)key["secretAccessKey"]!);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_client", (string?)(await wrong.ReadJsonAsync())["error"]);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal("invalid_client", (string?)(await unknown.ReadJsonAsync())["error"]);
    }

    [Fact]
    public async Task Deactivating_the_key_stops_its_tokens_at_once_and_refuses_new_ones()
    {
        var (admin, _, key) = await KeyAsync();
        using var http = server.CreateClient(null);
        var token = await (await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!)).ReadJsonAsync();
        using var scim = server.CreateClient((string)token["access_token"]!, $"scim/v2/{admin.OrgId}/");
        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostNoBodyAsync($"access-keys/{key["id"]}/deactivate")).StatusCode);
        var refused = await scim.GetAsync("Users");
        var again = await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("deactivated", (string?)(await again.ReadJsonAsync())["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivating_the_owner_through_SCIM_stops_the_keys_tokens()
    {
        var (admin, owner, key) = await KeyAsync();
        using var http = server.CreateClient(null);
        var token = await (await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!)).ReadJsonAsync();
        using var scim = server.CreateClient((string)token["access_token"]!, $"scim/v2/{admin.OrgId}/");

        var deactivated = await admin.Tenant.Scim.PatchAsync($"Users/{owner.EmployeeId}", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        var refused = await scim.GetAsync("Users");
        var noToken = await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!);

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("deactivated", (string?)(await refused.ReadObjectAsync())["detail"], StringComparison.Ordinal);
        Assert.Equal("access_denied", (string?)(await noToken.ReadJsonAsync())["error"]);
    }

    [Fact]
    public async Task A_token_of_one_tenant_reads_nothing_of_another()
    {
        var (admin, _, key) = await KeyAsync();
        var other = await server.CreateTenantAsync("Other tenant");
        var theirs = await other.Scim.CreateUserAsync("theirs@example.com");
        using var http = server.CreateClient(null);
        var token = await (await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!)).ReadJsonAsync();
        using var wrongOrg = server.CreateClient((string)token["access_token"]!, $"scim/v2/{other.OrgId}/");
        using var mine = server.CreateClient((string)token["access_token"]!, $"scim/v2/{admin.OrgId}/");

        var viaTheirUrl = await wrongOrg.GetAsync("Users");
        var theirId = await mine.GetAsync($"Users/{theirs.Id()}");

        Assert.NotEqual(HttpStatusCode.OK, viaTheirUrl.StatusCode);
        Assert.DoesNotContain("theirs@example.com", await viaTheirUrl.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, theirId.StatusCode);
    }

    [Fact]
    public async Task A_key_needs_an_owner_whose_role_allows_it_and_its_secret_is_shown_once()
    {
        var admin = await server.CreateAdminAsync("accesskeys.manage", "employees.view");
        var viewer = await server.AddEmployeeAsync(admin.Tenant, "employees.view");

        var refused = await admin.Http.PostNoBodyAsync($"employees/{viewer.EmployeeId}/access-keys");
        var created = await admin.Http.PostNoBodyAsync($"employees/{admin.EmployeeId}/access-keys");
        var problem = await AdminAssert.ProblemAsync(refused, HttpStatusCode.BadRequest);

        Assert.Contains("employees.edit", (string?)problem["detail"], StringComparison.Ordinal);
        var admin2 = await server.CreateAdminAsync("accesskeys.manage", "employees.edit");
        var ok = await admin2.Http.PostNoBodyAsync($"employees/{admin2.EmployeeId}/access-keys");
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var key = await ok.ReadObjectAsync();
        Assert.Matches("^RAK[A-Z0-9]{20}$", (string?)key["accessKeyId"]);
        Assert.StartsWith("roster_sk_", (string?)key["secretAccessKey"], StringComparison.Ordinal);
        var listed = await admin2.Http.GetStringAsync("access-keys");
        Assert.DoesNotContain((string)key["secretAccessKey"]!, listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
    }

    private async Task<(AdminSession Admin, AdminSession Owner, JsonObject Key)> KeyAsync()
    {
        var admin = await server.CreateAdminAsync("accesskeys.manage", "audit.view", "employees.edit");
        var owner = await server.AddEmployeeAsync(admin.Tenant, "employees.edit");
        var response = await admin.Http.PostNoBodyAsync($"employees/{owner.EmployeeId}/access-keys");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (admin, owner, await response.ReadObjectAsync());
    }
}
