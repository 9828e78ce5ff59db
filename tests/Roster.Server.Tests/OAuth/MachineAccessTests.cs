using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.OAuth;

/// <summary>
/// The SaaS product's back end on the admin API: client credentials with the directory.read,
/// events.read and webhooks.manage scopes, each checked per endpoint like a permission, and never
/// more than the key's owner holds.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class MachineAccessTests(RosterServerFixture server)
{
    [Fact]
    public async Task A_token_with_events_read_reads_the_feed_and_nothing_its_scopes_do_not_cover()
    {
        var (admin, _, key) = await KeyAsync("employees.edit", "events.read", "webhooks.manage");
        var token = await TokenAsync(key, "events.read");
        using var machine = Admin(admin.OrgId, token);
        await admin.Tenant.Scim.CreateUserAsync("machine-read@example.com");

        var feed = await machine.GetAsync("events?after=0");
        var employees = await machine.GetAsync("employees");
        var register = await machine.PostAsJsonAsync("webhooks", new { url = "https://hooks.invalid/x" });
        var roles = await machine.PostAsJsonAsync("roles", new { name = "Machine role", permissions = new[] { "events.read" } });

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Contains("machine-read@example.com", await feed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, employees.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, register.StatusCode);
        Assert.Contains("webhooks.manage", (string)(await register.ReadObjectAsync())["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
    }

    [Fact]
    public async Task A_token_with_webhooks_manage_registers_an_endpoint_credited_to_the_key()
    {
        var (admin, owner, key) = await KeyAsync("employees.edit", "webhooks.manage");
        using var machine = Admin(admin.OrgId, await TokenAsync(key, "webhooks.manage"));

        var created = await machine.PostAsJsonAsync("webhooks", new { url = "https://hooks.invalid/machine", enabled = false });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.ReadObjectAsync())["endpoint"]!["id"]!;
        var audit = JsonNode.Parse(await admin.Http.GetStringAsync($"audit-events?resourceId={id}"))!["events"]!.AsArray().Single()!;
        Assert.Equal(owner.EmployeeId.ToString(), (string?)audit["actorProfileId"]);
        Assert.Equal((string?)key["id"], (string?)audit["credentialId"]);
        Assert.Equal("admin-api (oauth)", (string?)audit["client"]);
    }

    [Fact]
    public async Task A_scope_beyond_the_owner_s_permissions_is_refused_at_the_token_endpoint()
    {
        var (_, _, key) = await KeyAsync("employees.edit");
        using var http = server.CreateClient(null);

        var refused = await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!, "events.read");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var error = await refused.ReadJsonAsync();
        Assert.Equal("access_denied", (string?)error["error"]);
        Assert.Contains("'events.read'", (string?)error["error_description"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_demoted_owner_s_token_loses_the_power_at_the_next_request()
    {
        var (admin, owner, key) = await KeyAsync("employees.edit", "events.read");
        using var machine = Admin(admin.OrgId, await TokenAsync(key, "events.read"));
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("events?after=0")).StatusCode);
        var plain = await admin.Http.PostAsJsonAsync("roles", new { name = "Plain editors", permissions = new[] { "employees.edit" } });
        Assert.True((await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = false, userNameMustBePrimaryEmail = false, namesNotUpdatable = false })).IsSuccessStatusCode);
        var demoted = await admin.Http.PutAsJsonAsync($"employees/{owner.EmployeeId}", new { roleIds = new[] { (string)(await plain.ReadObjectAsync())["id"]! } });
        Assert.True(demoted.IsSuccessStatusCode, await demoted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await machine.GetAsync("events?after=0")).StatusCode);
    }

    [Fact]
    public async Task A_scim_only_token_or_a_scim_token_is_refused_with_a_reason()
    {
        var (admin, _, key) = await KeyAsync("employees.edit", "events.read");
        using var scimOnly = Admin(admin.OrgId, await TokenAsync(key, "scim"));
        using var scimToken = Admin(admin.OrgId, admin.Tenant.Token);

        var noScope = await scimOnly.GetAsync("events?after=0");
        var wrongKind = await scimToken.GetAsync("events?after=0");

        Assert.Equal(HttpStatusCode.Unauthorized, noScope.StatusCode);
        Assert.Contains("no admin API scope", (string)(await noScope.ReadObjectAsync())["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKind.StatusCode);
        Assert.Contains("SCIM tokens are valid for the SCIM API only", (string)(await wrongKind.ReadObjectAsync())["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organization_s_token_is_refused_on_this_organization_s_urls()
    {
        var (_, _, key) = await KeyAsync("employees.edit", "events.read");
        var other = await server.CreateAdminAsync("events.read");
        using var machine = Admin(other.OrgId, await TokenAsync(key, "events.read"));

        var response = await machine.GetAsync("events?after=0");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private HttpClient Admin(Guid orgId, string token)
    {
        var client = server.CreateClient(null, $"api/v1/orgs/{orgId}/");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<string> TokenAsync(JsonObject key, string scope)
    {
        using var http = server.CreateClient(null);
        var response = await http.ClientCredentialsPostAsync((string)key["accessKeyId"]!, (string)key["secretAccessKey"]!, scope);
        var token = await response.ReadJsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, token.ToJsonString());
        return (string)token["access_token"]!;
    }

    private async Task<(AdminSession Admin, AdminSession Owner, JsonObject Key)> KeyAsync(params string[] ownerPermissions)
    {
        var admin = await server.CreateAdminAsync([.. Roster.Directory.Roles.Permission.All.Select(p => p.Key)]);
        var owner = await server.AddEmployeeAsync(admin.Tenant, ownerPermissions);
        var response = await admin.Http.PostAsJsonAsync($"employees/{owner.EmployeeId}/access-keys", new { });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (admin, owner, await response.ReadObjectAsync());
    }
}
