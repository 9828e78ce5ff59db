using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// Tenant A's ids inside tenant B's SCIM requests: a member that is not in B is refused with the
/// same precise error as a made-up id, filters and searches find nothing, a Bulk request reaches
/// none of A's resources, and uniqueness (userName, externalId) is per tenant.
/// </summary>
[Collection(IsolationCollectionDefinition.Name)]
public sealed class ForeignIdsInScimRequestsTests(TwoTenants world)
{
    private const string PatchOp = "\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"]";

    [Fact]
    public async Task A_member_from_another_tenant_is_refused_like_an_unknown_id_on_post_put_and_patch()
    {
        var (a, b) = (world.A, world.B);
        using var scim = world.Server.CreateClient(null, $"scim/v2/{b.OrgId}/");
        scim.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", b.Scim[0].Authorization);
        var requests = new Func<Guid, Task<HttpResponseMessage>>[]
        {
            member => scim.PostAsync("Groups", ScimHttp.Json($$"""{"displayName":"Stranger's group","members":[{"value":"{{member}}"}]}""")),
            member => scim.PutAsync($"Groups/{b.Ids.Group}", ScimHttp.Json($$"""{"displayName":"Group of Tenant B","members":[{"value":"{{member}}"}]}""")),
            member => scim.PatchAsync($"Groups/{b.Ids.Group}", $$"""{{{PatchOp}},"Operations":[{"op":"add","path":"members","value":[{"value":"{{member}}"}]}]}"""),
            member => scim.PatchAsync($"Groups/{b.Ids.Group}", $$"""{{{PatchOp}},"Operations":[{"op":"replace","path":"members","value":[{"value":"{{member}}"}]}]}"""),
        };
        var membersBefore = await MembersAsync(scim, b.Ids.Group);

        foreach (var send in requests)
        {
            var random = Guid.NewGuid();
            var foreign = await send(a.Ids.User);
            var unknown = await send(random);
            var foreignError = await foreign.ReadObjectAsync();
            var unknownError = await unknown.ReadObjectAsync();

            Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
            Assert.Equal("invalidValue", (string?)foreignError["scimType"]);
            Assert.Contains(a.Ids.User.ToString(), (string?)foreignError["detail"], StringComparison.Ordinal);
            Assert.Equal(unknownError.ToJsonString().Replace(random.ToString(), "{id}", StringComparison.Ordinal), foreignError.ToJsonString().Replace(a.Ids.User.ToString(), "{id}", StringComparison.Ordinal));
        }

        Assert.Equal(membersBefore, await MembersAsync(scim, b.Ids.Group));
        Assert.DoesNotContain("Stranger's group", await scim.GetStringAsync("Groups"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_and_searches_with_another_tenants_ids_find_nothing()
    {
        var (a, b) = (world.A, world.B);
        foreach (var credential in b.Scim)
        {
            foreach (var root in new[] { $"scim/v2/{b.OrgId}/", "scim/v2/" })
            {
                using var scim = world.Server.CreateClient(null, root);
                scim.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", credential.Authorization);
                var queries = new[]
                {
                    await scim.GetAsync("Users?filter=" + Uri.EscapeDataString($"id eq \"{a.Ids.User}\"")),
                    await scim.GetAsync("Users?filter=" + Uri.EscapeDataString($"id eq \"{a.Ids.User}\" or userName eq \"only-tenant-a@example.com\" or externalId eq \"ext-only-tenant-a\"")),
                    await scim.GetAsync("Groups?filter=" + Uri.EscapeDataString($"members.value eq \"{a.Ids.User}\"")),
                    await scim.GetAsync("Groups?filter=" + Uri.EscapeDataString($"id eq \"{a.Ids.Group}\" or displayName eq \"Group of Tenant A\"")),
                    await scim.PostAsync("Users/.search", ScimHttp.Json($$"""{"filter":"id eq \"{{a.Ids.User}}\" or id eq \"{{a.Ids.Employee}}\""}""")),
                    await scim.PostAsync("Groups/.search", ScimHttp.Json($$"""{"filter":"members.value eq \"{{a.Ids.User}}\""}""")),
                    await scim.PostAsync(".search", ScimHttp.Json($$"""{"filter":"id eq \"{{a.Ids.User}}\" or id eq \"{{a.Ids.Group}}\""}""")),
                };

                foreach (var response in queries)
                {
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{credential} at {root}: {text}");
                    Assert.Equal(0, (int)JsonNode.Parse(text)!["totalResults"]!);
                }
            }
        }
    }

    [Fact]
    public async Task UserName_and_externalId_are_unique_per_tenant_only()
    {
        var (a, b) = (world.A, world.B);
        var userName = $"both-{Guid.NewGuid():N}@example.com";
        var inA = await a.Console.Admin.Tenant.Scim.PostAsync("Users", ScimHttp.Json($$"""{"userName":"{{userName}}","externalId":"{{userName}}"}"""));
        var inB = await b.Console.Admin.Tenant.Scim.PostAsync("Users", ScimHttp.Json($$"""{"userName":"{{userName}}","externalId":"{{userName}}"}"""));
        var againInB = await b.Console.Admin.Tenant.Scim.PostAsync("Users", ScimHttp.Json($$"""{"userName":"{{userName}}"}"""));
        var seeded = await (await b.Console.Admin.Tenant.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString("externalId eq \"shared-ext\" and userName eq \"shared@example.com\""))).ReadObjectAsync();
        var seededInA = await (await a.Console.Admin.Tenant.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString("externalId eq \"shared-ext\""))).ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Created, inA.StatusCode);
        Assert.Equal(HttpStatusCode.Created, inB.StatusCode);
        Assert.NotEqual((await inA.ReadObjectAsync()).Id(), (await inB.ReadObjectAsync()).Id());
        Assert.Equal(HttpStatusCode.Conflict, againInB.StatusCode);
        Assert.Equal("uniqueness", (string?)(await againInB.ReadObjectAsync())["scimType"]);
        Assert.Equal(1, (int)seeded["totalResults"]!);
        Assert.Equal(1, (int)seededInA["totalResults"]!);
        Assert.NotEqual(seeded["Resources"]![0]!["id"]!.ToString(), seededInA["Resources"]![0]!["id"]!.ToString());
    }

    [Fact]
    public async Task A_bulk_request_reaches_no_resource_of_another_tenant_by_id_or_by_bulkId()
    {
        var (a, b) = (world.A, world.B);
        var aBefore = await TenantSnapshot.TakeAsync(a);
        var body = $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[
              {"method":"DELETE","path":"/Users/{{a.Ids.User}}"},
              {"method":"PUT","path":"/Users/{{a.Ids.User}}","data":{"userName":"stolen@example.com"} },
              {"method":"PATCH","path":"/Groups/{{a.Ids.Group}}","data":{{{PatchOp}},"Operations":[{"op":"remove","path":"members"}]} },
              {"method":"POST","path":"/Groups","bulkId":"g","data":{"displayName":"Stranger {{Guid.NewGuid():N}}","members":[{"value":"{{a.Ids.User}}"}]} },
              {"method":"DELETE","path":"/Groups/bulkId:{{a.Ids.Group}}"}]}
            """;

        foreach (var credential in b.Scim)
        {
            foreach (var root in new[] { $"scim/v2/{b.OrgId}/", "scim/v2/" })
            {
                using var scim = world.Server.CreateClient(null, root);
                scim.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", credential.Authorization);

                var response = await scim.PostAsync("Bulk", ScimHttp.Json(body));

                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.Forbidden)
                {
                    continue;
                }

                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{credential}: {text}");
                var statuses = JsonNode.Parse(text)!["Operations"]!.AsArray().Select(o => (string)o!["status"]!).ToList();
                Assert.True(statuses.SequenceEqual(["404", "404", "404", "400", "409"]), $"{credential}: {text}");
            }
        }

        Assert.Equal(aBefore, await TenantSnapshot.TakeAsync(a));
    }

    private static async Task<string> MembersAsync(HttpClient scim, Guid group) =>
        (await (await scim.GetAsync($"Groups/{group}?attributes=members")).ReadObjectAsync())["members"]?.ToJsonString() ?? "[]";
}
