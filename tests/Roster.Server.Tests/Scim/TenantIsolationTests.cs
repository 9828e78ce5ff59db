using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>A token of tenant A gets nothing of tenant B, whatever URL or id it uses.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class TenantIsolationTests(RosterServerFixture server)
{
    [Fact]
    public async Task Tenant_a_cannot_read_change_or_find_tenant_b_resources()
    {
        var a = await server.CreateTenantAsync("A");
        var b = await server.CreateTenantAsync("B");
        var bUser = await b.Scim.CreateUserAsync("b-only@example.com", "\"externalId\":\"b-ext\"");
        var bGroup = await b.Scim.CreateGroupAsync("B group");

        foreach (var client in new[] { a.Scim, a.ScimWithoutOrg })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"Users/{bUser.Id()}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"Groups/{bGroup.Id()}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PatchAsync($"Users/{bUser.Id()}", """{"Operations":[{"op":"replace","path":"active","value":false}]}""")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsync($"Users/{bUser.Id()}", ScimHttp.Json("""{"userName":"stolen@example.com"}"""))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"Users/{bUser.Id()}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"Groups/{bGroup.Id()}")).StatusCode);

            var byName = await (await client.GetAsync("Users?filter=" + Uri.EscapeDataString("userName eq \"b-only@example.com\""))).ReadObjectAsync();
            var byExternal = await (await client.GetAsync("Users?filter=" + Uri.EscapeDataString("externalId eq \"b-ext\""))).ReadObjectAsync();
            var all = await (await client.GetAsync("Users")).ReadObjectAsync();
            var groups = await (await client.GetAsync("Groups")).ReadObjectAsync();
            var root = await (await client.PostAsync(".search", ScimHttp.Json("""{"filter":"id pr"}"""))).ReadObjectAsync();
            Assert.Equal(0, byName["totalResults"]!.GetValue<int>());
            Assert.Equal(0, byExternal["totalResults"]!.GetValue<int>());
            Assert.Equal(0, all["totalResults"]!.GetValue<int>());
            Assert.Equal(0, groups["totalResults"]!.GetValue<int>());
            Assert.Equal(0, root["totalResults"]!.GetValue<int>());
        }

        // B's user as a member of A's group is an unknown id in A.
        var aGroup = await a.Scim.CreateGroupAsync("A group");
        var addForeign = await a.Scim.PatchAsync($"Groups/{aGroup.Id()}", $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{bUser.Id()}}"}]}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, addForeign.StatusCode);

        // Nothing of B changed.
        var still = await (await b.Scim.GetAsync($"Users/{bUser.Id()}")).ReadObjectAsync();
        Assert.True(still["active"]?.GetValue<bool>() ?? true);
        Assert.Equal("b-only@example.com", still["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Same_userName_may_exist_in_two_tenants()
    {
        var a = await server.CreateTenantAsync("A");
        var b = await server.CreateTenantAsync("B");

        await a.Scim.CreateUserAsync("shared@example.com");
        var inB = await b.Scim.PostAsync("Users", ScimHttp.Json("""{"userName":"shared@example.com"}"""));

        Assert.Equal(HttpStatusCode.Created, inB.StatusCode);
    }

    [Fact]
    public async Task Url_without_org_id_uses_the_tokens_tenant()
    {
        var a = await server.CreateTenantAsync("A");
        var created = await a.ScimWithoutOrg.CreateUserAsync("noorg@example.com");

        var viaOrg = await a.Scim.GetAsync($"Users/{created.Id()}");

        Assert.Equal(HttpStatusCode.OK, viaOrg.StatusCode);
        Assert.DoesNotContain(a.OrgId.ToString(), created["meta"]!["location"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
