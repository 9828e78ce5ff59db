using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Replays;

/// <summary>
/// The request sequence of Microsoft Entra ID's "Develop and plan provisioning for a SCIM
/// endpoint" tutorial (user and group operations), with Entra's published shapes: capitalised
/// ops, value-filtered paths, URN paths, "$ref": null in members, a non-standard schema URI on
/// group create, and the aadOptscim062020 query flag.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class EntraIdReplayTests(RosterServerFixture server)
{
    [Fact]
    public async Task Entra_user_lifecycle()
    {
        var tenant = await server.CreateTenantAsync();
        var scim = tenant.Scim;

        // Test connection: a userName that does not exist must be 200 with no results.
        var test = await scim.GetAsync("Users?filter=userName+eq+%22non-existent+user%22&aadOptscim062020");
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        Assert.Equal(0, (await test.ReadObjectAsync())["totalResults"]!.GetValue<int>());

        var created = await scim.PostAsync("Users?aadOptscim062020", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef","userName":"Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@testuser.com",
             "active":true,"emails":[{"primary":true,"type":"work","value":"Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com"}],
             "meta":{"resourceType":"User"},"name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},"roles":[]}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync()).Id();

        var byName = await (await scim.GetAsync("Users?filter=" + Uri.EscapeDataString("userName eq \"Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1@testuser.com\""))).ReadObjectAsync();
        Assert.Equal(id, byName["Resources"]![0]!["id"]!.GetValue<string>());

        var multi = await scim.PatchAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
              {"op":"Replace","path":"emails[type eq \"work\"].value","value":"updatedEmail@microsoft.com"},
              {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, multi.StatusCode);
        var afterMulti = await multi.ReadObjectAsync();
        Assert.Single(afterMulti["emails"]!.AsArray());
        Assert.Equal("updatedEmail@microsoft.com", afterMulti["emails"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("updatedFamilyName", afterMulti["name"]!["familyName"]!.GetValue<string>());

        var single = await scim.PatchAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"userName","value":"5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com"}]}
            """);
        Assert.Equal("5b50642d-79fc-4410-9e90-4c077cdd1a59@testuser.com", (await single.ReadObjectAsync())["userName"]!.GetValue<string>());

        // New work phone and address through value-filtered paths: created once, then updated in place.
        for (var i = 0; i < 2; i++)
        {
            var phone = await scim.PatchAsync($"Users/{id}", $$"""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"Add","path":"phoneNumbers[type eq \"work\"].value","value":"+1 555 000{{i}}"},
                  {"op":"Add","path":"addresses[type eq \"work\"].locality","value":"Redmond{{i}}"},
                  {"op":"Add","path":"title","value":"Engineer"}]}
                """);
            Assert.Equal(HttpStatusCode.OK, phone.StatusCode);
        }

        var afterPhones = await (await scim.GetAsync($"Users/{id}")).ReadObjectAsync();
        Assert.Equal("+1 555 0001", afterPhones["phoneNumbers"]!.AsArray().Single()!["value"]!.GetValue<string>());
        Assert.Equal("Redmond1", afterPhones["addresses"]!.AsArray().Single()!["locality"]!.GetValue<string>());

        var manager = await scim.CreateUserAsync("manager@testuser.com");
        var setManager = await scim.PatchAsync($"Users/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"{{manager.Id()}}"}]}
            """);
        Assert.Equal(manager.Id(), (await setManager.ReadObjectAsync())["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]!["manager"]!["value"]!.GetValue<string>());
        var clearManager = await scim.PatchAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]}
            """);
        Assert.Null((await clearManager.ReadObjectAsync())["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]?["manager"]);

        var disable = await scim.PatchAsync($"Users/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}
            """);
        Assert.False((await disable.ReadObjectAsync())["active"]!.GetValue<bool>());

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"Users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await scim.GetAsync($"Users/{id}")).StatusCode);
    }

    [Fact]
    public async Task Entra_group_lifecycle()
    {
        var tenant = await server.CreateTenantAsync();
        var scim = tenant.Scim;
        var member = await scim.CreateUserAsync("entra-member@testuser.com");

        var created = await scim.PostAsync("Groups", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
             "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName","meta":{"resourceType":"Group"}}
            """));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync()).Id();

        Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync($"Groups/{id}?excludedAttributes=members")).StatusCode);
        var byName = await (await scim.GetAsync("Groups?excludedAttributes=members&filter=displayName+eq+%22displayName%22")).ReadObjectAsync();
        Assert.Equal(1, byName["totalResults"]!.GetValue<int>());

        var rename = await scim.PatchAsync($"Groups/{id}", """
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"displayName","value":"1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName"}]}
            """);
        Assert.Equal(HttpStatusCode.NoContent, rename.StatusCode);

        var add = await scim.PatchAsync($"Groups/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Add","path":"members","value":[{"$ref":null,"value":"{{member.Id()}}"}]}]}
            """);
        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        var check = await (await scim.GetAsync("Groups?filter=" + Uri.EscapeDataString($"id eq \"{id}\" and members[value eq \"{member.Id()}\"]") + "&excludedAttributes=members")).ReadObjectAsync();
        Assert.Equal(1, check["totalResults"]!.GetValue<int>());

        var remove = await scim.PatchAsync($"Groups/{id}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Remove","path":"members","value":[{"$ref":null,"value":"{{member.Id()}}"}]}]}
            """);
        Assert.Equal(HttpStatusCode.NoContent, remove.StatusCode);
        var after = await (await scim.GetAsync($"Groups/{id}")).ReadObjectAsync();
        Assert.Equal("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName", after["displayName"]!.GetValue<string>());
        Assert.Empty(after["members"]?.AsArray() ?? []);

        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"Groups/{id}")).StatusCode);
    }
}
