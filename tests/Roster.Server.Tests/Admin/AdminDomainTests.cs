using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Admin;

[Collection(ServerCollectionDefinition.Name)]
public sealed class AdminDomainTests(RosterServerFixture server)
{
    private const string Manage = "security.login.manage";

    [Fact]
    public async Task Add_is_201_with_the_TXT_record_to_publish_and_list_shows_it()
    {
        var admin = await server.CreateAdminAsync(Manage);

        var response = await admin.Http.PostAsJsonAsync("domains", new { domain = "Bücher.test" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var domain = await response.ReadObjectAsync();
        Assert.Equal("xn--bcher-kva.test", (string?)domain["domain"]);
        Assert.False((bool)domain["verified"]!);
        Assert.Equal("TXT", (string?)domain["recordType"]);
        Assert.Equal("_roster-challenge.xn--bcher-kva.test", (string?)domain["recordName"]);
        Assert.StartsWith("roster-domain-verification=", (string?)domain["recordValue"], StringComparison.Ordinal);
        Assert.EndsWith($"/api/v1/orgs/{admin.OrgId}/domains/{domain.Id()}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        var list = JsonNode.Parse(await admin.Http.GetStringAsync("domains"))!.AsArray();
        Assert.Equal(domain.Id(), (string?)Assert.Single(list)!["id"]);
    }

    [Fact]
    public async Task Add_twice_is_409_and_an_invalid_domain_is_400_naming_the_field()
    {
        var admin = await server.CreateAdminAsync(Manage);
        await admin.Http.PostAsJsonAsync("domains", new { domain = "acme.test" });

        var again = await admin.Http.PostAsJsonAsync("domains", new { domain = "ACME.test" });
        var invalid = await admin.Http.PostAsJsonAsync("domains", new { domain = "not a domain" });

        await AdminAssert.ProblemAsync(again, HttpStatusCode.Conflict);
        var problem = await AdminAssert.ProblemAsync(invalid, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["domain"]);
    }

    [Fact]
    public async Task Verify_finds_the_record_through_DNS_and_a_wrong_record_says_what_was_found()
    {
        var admin = await server.CreateAdminAsync(Manage);
        var good = await (await admin.Http.PostAsJsonAsync("domains", new { domain = $"good-{Guid.NewGuid():N}.test" })).ReadObjectAsync();
        var bad = await (await admin.Http.PostAsJsonAsync("domains", new { domain = $"bad-{Guid.NewGuid():N}.test" })).ReadObjectAsync();
        await using var dns = await DnsmasqServer.StartAsync(
            ((string)good["recordName"]!, (string)good["recordValue"]!), ((string)bad["recordName"]!, "roster-domain-verification=wrong"));
        using var goodRoute = server.Dns.Route((string)good["recordName"]!, dns);
        using var badRoute = server.Dns.Route((string)bad["recordName"]!, dns);

        var verified = await (await admin.Http.PostNoBodyAsync($"domains/{good.Id()}/verify")).ReadObjectAsync();
        var failed = await admin.Http.PostNoBodyAsync($"domains/{bad.Id()}/verify");

        Assert.True((bool)verified["found"]!);
        Assert.True((bool)verified["domain"]!["verified"]!);
        Assert.NotNull(verified["domain"]!["verifiedAt"]);
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var body = await failed.ReadObjectAsync();
        Assert.False((bool)body["found"]!);
        Assert.False((bool)body["domain"]!["verified"]!);
        Assert.Equal("roster-domain-verification=wrong", (string?)Assert.Single(body["recordsFound"]!.AsArray()));
        Assert.Contains("found: 'roster-domain-verification=wrong'", (string?)body["detail"], StringComparison.Ordinal);
        Assert.Contains((string)bad["recordValue"]!, (string?)body["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_is_204_then_404()
    {
        var admin = await server.CreateAdminAsync(Manage);
        var domain = await (await admin.Http.PostAsJsonAsync("domains", new { domain = "acme.test" })).ReadObjectAsync();

        var removed = await admin.Http.DeleteNoBodyAsync($"domains/{domain.Id()}");
        var again = await admin.Http.DeleteNoBodyAsync($"domains/{domain.Id()}");
        var verify = await admin.Http.PostNoBodyAsync($"domains/{domain.Id()}/verify");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await AdminAssert.ProblemAsync(again, HttpStatusCode.NotFound);
        await AdminAssert.ProblemAsync(verify, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_route_needs_security_login_manage()
    {
        var admin = await server.CreateAdminAsync("scim.manage", "roles.manage");
        var id = Guid.NewGuid();

        var responses = new[]
        {
            await admin.Http.GetAsync("domains"),
            await admin.Http.PostAsJsonAsync("domains", new { domain = "acme.test" }),
            await admin.Http.DeleteNoBodyAsync($"domains/{id}"),
            await admin.Http.PostNoBodyAsync($"domains/{id}/verify"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
    }

    [Fact]
    public async Task Scim_create_and_patch_over_HTTP_are_refused_for_unverified_domains_once_enforced()
    {
        var admin = await server.CreateAdminAsync(Manage, "scim.manage");
        var name = $"corp-{Guid.NewGuid():N}.test";
        var domain = await (await admin.Http.PostAsJsonAsync("domains", new { domain = name })).ReadObjectAsync();
        await using (var dns = await DnsmasqServer.StartAsync(((string)domain["recordName"]!, (string)domain["recordValue"]!)))
        using (server.Dns.Route((string)domain["recordName"]!, dns))
        {
            Assert.True((bool)(await (await admin.Http.PostNoBodyAsync($"domains/{domain.Id()}/verify")).ReadObjectAsync())["found"]!);
        }

        var settings = await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = true, userNameMustBePrimaryEmail = false, namesNotUpdatable = false, enforceVerifiedDomains = true });
        Assert.True((bool)(await settings.ReadObjectAsync())["enforceVerifiedDomains"]!);

        var refused = await admin.Tenant.Scim.PostAsync("Users", ScimHttp.Json(
            """{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ada@unverified.test"}"""));
        var user = await admin.Tenant.Scim.CreateUserAsync($"ada@{name}", $$"""  "emails":[{"value":"ada@{{name}}"}]""");
        var patch = await admin.Tenant.Scim.PatchAsync($"Users/{user.Id()}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"emails","value":[{"value":"ada@unverified.test","type":"home"}]}]}""");

        foreach (var response in new[] { refused, patch })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await response.ReadObjectAsync();
            Assert.Equal("invalidValue", (string?)error["scimType"]);
            Assert.Equal(
                "The email domain 'unverified.test' is not verified for this organization; verify it under Verified domains or turn off domain enforcement.",
                (string?)error["detail"]);
        }

        var stored = await (await admin.Tenant.Scim.GetAsync($"Users/{user.Id()}")).ReadObjectAsync();
        Assert.DoesNotContain("unverified.test", stored.ToJsonString(), StringComparison.Ordinal);
    }
}
