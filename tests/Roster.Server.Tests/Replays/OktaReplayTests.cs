using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Replays;

/// <summary>
/// The request sequence of Okta's SCIM 2.0 provisioning guide ("SCIM 2.0 protocol reference" and
/// the Runscope/CRUD test plan in Okta's developer docs): connection test, create, match by
/// filter, read, update by PUT, deactivate and reactivate by PATCH without path, group push.
/// Bodies are written from the documented examples.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class OktaReplayTests(RosterServerFixture server)
{
    [Fact]
    public async Task Okta_user_lifecycle()
    {
        var tenant = await server.CreateTenantAsync();
        var scim = tenant.Scim;
        scim.DefaultRequestHeaders.UserAgent.ParseAdd("Okta-SCIM-Client/1.0");

        // Connection test and import: a page of users.
        var test = await scim.GetAsync("Users?startIndex=1&count=2");
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);

        // Match before create.
        var match = await (await scim.GetAsync("Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100")).ReadObjectAsync();
        Assert.Equal(0, match["totalResults"]!.GetValue<int>());

        var created = await scim.PostAsync("Users", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"test.user@okta.local",
             "name":{"givenName":"Test","familyName":"User"},
             "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Test User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],
             "password":"1mz050nq","active":true}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await created.ReadObjectAsync();
        var id = user.Id();

        var matched = await (await scim.GetAsync("Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100")).ReadObjectAsync();
        Assert.Equal(1, matched["totalResults"]!.GetValue<int>());
        Assert.Equal(id, matched["Resources"]![0]!["id"]!.GetValue<string>());

        var read = await scim.GetAsync($"Users/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var put = await scim.PutAsync($"Users/{id}", ScimHttp.Json($$$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{{id}}}","userName":"test.user@okta.local",
             "name":{"givenName":"Another","familyName":"User"},
             "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
             "displayName":"Another User","locale":"en-US","externalId":"00ujl29u0le5T6Aj10h7","groups":[],"active":true,
             "meta":{"resourceType":"User"}}
            """));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Another", (await put.ReadObjectAsync())["name"]!["givenName"]!.GetValue<string>());

        var deactivate = await scim.PatchAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}
            """);
        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        Assert.False((await deactivate.ReadObjectAsync())["active"]!.GetValue<bool>());

        var reactivate = await scim.PatchAsync($"Users/{id}", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"id":"{{{id}}}","active":true}}]}
            """);
        Assert.Equal(HttpStatusCode.OK, reactivate.StatusCode);
        Assert.True((await reactivate.ReadObjectAsync())["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Okta_group_push()
    {
        var tenant = await server.CreateTenantAsync();
        var scim = tenant.Scim;
        var user = await scim.CreateUserAsync("pushed@okta.local");

        var none = await (await scim.GetAsync("Groups?filter=displayName%20eq%20%22Test%20SCIMv2%22&startIndex=1&count=100")).ReadObjectAsync();
        Assert.Equal(0, none["totalResults"]!.GetValue<int>());

        var created = await scim.PostAsync("Groups", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Test SCIMv2","members":[]}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync()).Id();

        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync($"Groups/{id}?excludedAttributes=members")).StatusCode);

        var rename = await scim.PatchAsync($"Groups/{id}", $$$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"id":"{{{id}}}","displayName":"Test SCIMv2 Renamed"}}]}
            """);
        Assert.True(rename.IsSuccessStatusCode);

        var add = await scim.PatchAsync($"Groups/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{user.Id()}}","display":"pushed@okta.local"}]}]}
            """);
        Assert.True(add.IsSuccessStatusCode);
        var withMember = await (await scim.GetAsync($"Groups/{id}")).ReadObjectAsync();
        Assert.Equal("Test SCIMv2 Renamed", withMember["displayName"]!.GetValue<string>());
        Assert.Single(withMember["members"]!.AsArray());

        var remove = await scim.PatchAsync($"Groups/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{user.Id()}}\"]"}]}
            """);
        Assert.True(remove.IsSuccessStatusCode);
        var empty = await (await scim.GetAsync($"Groups/{id}")).ReadObjectAsync();
        Assert.Empty(empty["members"]?.AsArray() ?? []);

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"Groups/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync($"Groups/{id}")).StatusCode);
    }
}
