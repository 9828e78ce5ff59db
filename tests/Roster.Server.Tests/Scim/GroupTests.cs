using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

[Collection(ServerCollectionDefinition.Name)]
public sealed class GroupTests(RosterServerFixture server)
{
    private static string Members(JsonObject group) =>
        string.Join(",", (group["members"]?.AsArray() ?? []).Select(m => m!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal));

    [Fact]
    public async Task Create_group_with_members_returns_them_with_refs()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("member@example.com", "\"displayName\":\"Member One\"");

        var response = await tenant.Scim.PostAsync("Groups", ScimHttp.Json($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Team","members":[{"value":"{{user.Id()}}"}]}
            """));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var group = await response.ReadObjectAsync();
        var member = group["members"]!.AsArray().Single()!;
        Assert.Equal(user.Id(), member["value"]!.GetValue<string>());
        Assert.EndsWith($"/Users/{user.Id()}", member["$ref"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Group", group["meta"]!["resourceType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Member_patches_answer_204_and_are_idempotent()
    {
        var tenant = await server.CreateTenantAsync();
        var a = await tenant.Scim.CreateUserAsync("ga@example.com");
        var b = await tenant.Scim.CreateUserAsync("gb@example.com");
        var group = await tenant.Scim.CreateGroupAsync("Idempotent");
        var uri = $"Groups/{group.Id()}";

        var add = await tenant.Scim.PatchAsync(uri, $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{a.Id()}}"},{"value":"{{b.Id()}}"}]}]}""");
        var again = await tenant.Scim.PatchAsync(uri, $$"""{"Operations":[{"op":"Add","path":"members","value":[{"value":"{{a.Id()}}"}]}]}""");
        var removeByFilter = await tenant.Scim.PatchAsync(uri, $$"""{"Operations":[{"op":"Remove","path":"members[value eq \"{{a.Id()}}\"]"}]}""");
        var removeAbsent = await tenant.Scim.PatchAsync(uri, $$"""{"Operations":[{"op":"remove","path":"members","value":[{"value":"{{a.Id()}}"}]}]}""");

        Assert.Equal(HttpStatusCode.NoContent, add.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removeByFilter.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removeAbsent.StatusCode);
        var read = await (await tenant.Scim.GetAsync(uri)).ReadObjectAsync();
        Assert.Equal(b.Id(), Members(read));
    }

    [Fact]
    public async Task Replace_members_with_a_list_or_empty_list()
    {
        var tenant = await server.CreateTenantAsync();
        var a = await tenant.Scim.CreateUserAsync("ra@example.com");
        var b = await tenant.Scim.CreateUserAsync("rb@example.com");
        var group = await tenant.Scim.CreateGroupAsync("Replace");
        var uri = $"Groups/{group.Id()}";

        await tenant.Scim.PatchAsync(uri, $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{a.Id()}}"}]}]}""");
        await tenant.Scim.PatchAsync(uri, $$"""{"Operations":[{"op":"replace","path":"members","value":[{"value":"{{b.Id()}}"}]}]}""");
        var afterReplace = await (await tenant.Scim.GetAsync(uri)).ReadObjectAsync();
        await tenant.Scim.PatchAsync(uri, """{"Operations":[{"op":"replace","path":"members","value":[]}]}""");
        var afterEmpty = await (await tenant.Scim.GetAsync(uri)).ReadObjectAsync();

        Assert.Equal(b.Id(), Members(afterReplace));
        Assert.Equal("", Members(afterEmpty));
    }

    [Fact]
    public async Task Patch_with_attributes_answers_200_with_the_group()
    {
        var tenant = await server.CreateTenantAsync();
        var group = await tenant.Scim.CreateGroupAsync("Before");

        var response = await tenant.Scim.PatchAsync($"Groups/{group.Id()}?attributes=displayName", """{"Operations":[{"op":"replace","value":{"displayName":"After"}}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("After", (await response.ReadObjectAsync())["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_member_id_is_400_and_the_group_is_unchanged()
    {
        var tenant = await server.CreateTenantAsync();
        var a = await tenant.Scim.CreateUserAsync("known@example.com");
        var group = await tenant.Scim.CreateGroupAsync("Strict");
        var uri = $"Groups/{group.Id()}";

        var response = await tenant.Scim.PatchAsync(uri, $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{a.Id()}}"},{"value":"{{Guid.NewGuid()}}"}]}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("", Members(await (await tenant.Scim.GetAsync(uri)).ReadObjectAsync()));
    }

    [Fact]
    public async Task A_group_list_returns_members_only_when_attributes_names_them()
    {
        var tenant = await server.CreateTenantAsync();
        var a = await tenant.Scim.CreateUserAsync("ex@example.com");
        var group = await tenant.Scim.CreateGroupAsync("Excluded");
        await tenant.Scim.PatchAsync($"Groups/{group.Id()}", $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{a.Id()}}"}]}]}""");

        var excluded = await (await tenant.Scim.GetAsync("Groups?excludedAttributes=members")).ReadObjectAsync();
        var plain = await (await tenant.Scim.GetAsync("Groups")).ReadObjectAsync();
        var searched = await (await tenant.Scim.PostAsync("Groups/.search", ScimHttp.Json("""{"filter":"displayName eq \"Excluded\""}"""))).ReadObjectAsync();
        var named = await (await tenant.Scim.GetAsync("Groups?attributes=displayName,members")).ReadObjectAsync();
        var sub = await (await tenant.Scim.GetAsync("Groups?attributes=members.value")).ReadObjectAsync();
        var byId = await (await tenant.Scim.GetAsync($"Groups/{group.Id()}")).ReadObjectAsync();

        foreach (var list in new[] { excluded, plain, searched })
        {
            Assert.Null(list["Resources"]![0]!["members"]);
            Assert.Equal("Excluded", list["Resources"]![0]!["displayName"]!.GetValue<string>());
        }

        var member = Assert.Single(named["Resources"]![0]!["members"]!.AsArray())!;
        Assert.Equal(a.Id(), member["value"]!.GetValue<string>());
        Assert.EndsWith($"/Users/{a.Id()}", member["$ref"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([a.Id()], sub["Resources"]![0]!["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()));
        Assert.Single(byId["members"]!.AsArray());
    }

    [Fact]
    public async Task User_shows_its_groups_and_filter_on_members_finds_the_group()
    {
        var tenant = await server.CreateTenantAsync();
        var a = await tenant.Scim.CreateUserAsync("ingroup@example.com");
        var group = await tenant.Scim.CreateGroupAsync("Visible");
        await tenant.Scim.PatchAsync($"Groups/{group.Id()}", $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{a.Id()}}"}]}]}""");

        var user = await (await tenant.Scim.GetAsync($"Users/{a.Id()}")).ReadObjectAsync();
        var found = await (await tenant.Scim.GetAsync("Groups?filter=" + Uri.EscapeDataString($"members.value eq \"{a.Id()}\""))).ReadObjectAsync();

        Assert.Equal(group.Id(), user["groups"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(1, found["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Concurrent_member_adds_to_one_group_lose_nothing()
    {
        var tenant = await server.CreateTenantAsync();
        var users = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            users.Add((await tenant.Scim.CreateUserAsync($"conc{i}@example.com")).Id());
        }

        var group = await tenant.Scim.CreateGroupAsync("Concurrent");
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
        {
            var response = await tenant.Scim.PatchAsync($"Groups/{group.Id()}", $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{id}}"}]}]}""");
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        });

        var read = await (await tenant.Scim.GetAsync($"Groups/{group.Id()}")).ReadObjectAsync();
        Assert.Equal(40, read["members"]!.AsArray().Count);
    }

    [Fact]
    public async Task Deleting_a_user_removes_its_memberships()
    {
        var tenant = await server.CreateTenantAsync();
        var a = await tenant.Scim.CreateUserAsync("leaver@example.com");
        var group = await tenant.Scim.CreateGroupAsync("Leavers");
        await tenant.Scim.PatchAsync($"Groups/{group.Id()}", $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{a.Id()}}"}]}]}""");

        await tenant.Scim.DeleteAsync($"Users/{a.Id()}");

        Assert.Equal("", Members(await (await tenant.Scim.GetAsync($"Groups/{group.Id()}")).ReadObjectAsync()));
    }
}
