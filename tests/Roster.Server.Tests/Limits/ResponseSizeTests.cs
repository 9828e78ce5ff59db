using System.Buffers;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Server.Scim.Http;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Limits;

/// <summary>
/// What one response may carry of memberships (<c>Roster:Limits:MaxMembersPerPage</c>, here 5):
/// a group list returns members only when <c>attributes</c> names them, and then a page ends
/// before the group that would pass the limit, so walking the pages still gives every group and
/// every member once; a single group or user with more members or groups than that gets them
/// all, streamed from the database as the response is written.
/// </summary>
public sealed class ResponseSizeTests(LimitedServerFixture server) : IClassFixture<LimitedServerFixture>
{
    [Theory]
    [InlineData("index")]
    [InlineData("cursor")]
    public async Task A_page_of_groups_with_members_ends_before_the_group_that_would_pass_the_member_limit(string paging)
    {
        var tenant = await server.CreateTenantAsync();
        var users = await UsersAsync(tenant, 12);
        var groups = new Dictionary<string, List<string>>();
        for (var g = 0; g < 6; g++)
        {
            var members = users.Skip(2 * g).Take(2).ToList();
            groups[(await CreateGroupAsync(tenant, $"Group {g}", members)).Id()] = members;
        }

        var pages = new List<JsonObject>();
        var next = paging == "index" ? "startIndex=1" : "cursor=";
        while (next is not null)
        {
            var page = await (await tenant.Scim.GetAsync($"Groups?attributes=displayName,members&count=5&{next}")).ReadObjectAsync();
            pages.Add(page);
            var items = page["itemsPerPage"]!.GetValue<int>();
            next = paging == "index"
                ? (page["startIndex"]!.GetValue<int>() + items <= page["totalResults"]!.GetValue<int>() ? $"startIndex={page["startIndex"]!.GetValue<int>() + items}" : null)
                : page["nextCursor"] is { } cursor ? $"cursor={Uri.EscapeDataString(cursor.GetValue<string>())}" : null;
        }

        // Two groups of two members make four; a third would make six.
        Assert.Equal([2, 2, 2], pages.Select(p => p["itemsPerPage"]!.GetValue<int>()));
        Assert.All(pages, p => Assert.Equal(6, p["totalResults"]!.GetValue<int>()));
        var listed = pages.SelectMany(p => p["Resources"]!.AsArray()).ToList();
        Assert.Equal(groups.Keys.Order(StringComparer.Ordinal), listed.Select(g => g!["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(listed, g => Assert.Equal(
            groups[g!["id"]!.GetValue<string>()].Order(StringComparer.Ordinal),
            g!["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()).Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task A_group_with_more_members_than_a_page_holds_is_answered_whole_in_every_form()
    {
        var tenant = await server.CreateTenantAsync();
        var users = await UsersAsync(tenant, 12);
        var big = await CreateGroupAsync(tenant, "Big", users);
        var small = await CreateGroupAsync(tenant, "Small", users.Take(2).ToList());
        var nested = await CreateGroupAsync(tenant, "Nested", []);
        (await tenant.Scim.PatchAsync($"Groups/{big.Id()}", $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{nested.Id()}}"}]}]}""")).EnsureSuccessStatusCode();
        var expected = users.Append(nested.Id()).Order(StringComparer.Ordinal).ToList();

        var read = await (await tenant.Scim.GetAsync($"Groups/{big.Id()}")).ReadObjectAsync();
        var smallRead = await (await tenant.Scim.GetAsync($"Groups/{small.Id()}")).ReadObjectAsync();
        var values = await (await tenant.Scim.GetAsync($"Groups/{big.Id()}?attributes=members.value")).ReadObjectAsync();
        var excluded = await (await tenant.Scim.GetAsync($"Groups/{big.Id()}?excludedAttributes=members")).ReadObjectAsync();
        var listed = await (await tenant.Scim.GetAsync("Groups?attributes=members,displayName&filter=" + Uri.EscapeDataString("displayName sw \"B\" or displayName eq \"Small\"") + "&sortBy=displayName")).ReadObjectAsync();
        var patched = await tenant.Scim.SendAsync(new HttpRequestMessage(HttpMethod.Patch, $"Groups/{big.Id()}?attributes=members")
        {
            Content = ScimHttp.Json("""{"Operations":[{"op":"replace","path":"displayName","value":"Bigger"}]}"""),
        });

        Assert.Equal(expected, read["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()));
        Assert.Equal(smallRead.Select(p => p.Key), read.Select(p => p.Key));
        var member = read["members"]!.AsArray().First(m => m!["value"]!.GetValue<string>() == users[0])!;
        Assert.Equal(smallRead["members"]!.AsArray().First(m => m!["value"]!.GetValue<string>() == users[0])!.ToJsonString(), member.ToJsonString());
        var group = read["members"]!.AsArray().Single(m => m!["value"]!.GetValue<string>() == nested.Id())!;
        Assert.Equal("Group", group["type"]!.GetValue<string>());
        Assert.EndsWith($"/Groups/{nested.Id()}", group["$ref"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(values["members"]!.AsArray(), m => Assert.Equal(["value"], m!.AsObject().Select(p => p.Key)));
        Assert.Null(excluded["members"]);
        Assert.Equal(read["meta"]!["version"]!.GetValue<string>(), excluded["meta"]!["version"]!.GetValue<string>());

        // Alone on its page: a first group past the limit is returned whole, the next one on the next page.
        Assert.Equal(1, listed["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(2, listed["totalResults"]!.GetValue<int>());
        Assert.Equal(expected, listed["Resources"]![0]!["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(expected, (await patched.ReadObjectAsync())["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_user_in_more_groups_than_a_page_holds_gets_them_all_and_a_page_of_users_ends_early()
    {
        var tenant = await server.CreateTenantAsync();
        var users = await UsersAsync(tenant, 3);
        var groups = new List<string>();
        for (var g = 0; g < 7; g++)
        {
            groups.Add((await CreateGroupAsync(tenant, $"Of all {g}", users)).Id());
        }

        var read = await (await tenant.Scim.GetAsync($"Users/{users[0]}")).ReadObjectAsync();
        var page = await (await tenant.Scim.GetAsync("Users?count=3")).ReadObjectAsync();
        var withoutGroups = await (await tenant.Scim.GetAsync("Users?count=3&excludedAttributes=groups")).ReadObjectAsync();

        Assert.Equal(groups.Order(StringComparer.Ordinal), read["groups"]!.AsArray().Select(g => g!["value"]!.GetValue<string>()));
        Assert.All(read["groups"]!.AsArray(), g => Assert.EndsWith($"/Groups/{g!["value"]!.GetValue<string>()}", g!["$ref"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal(1, page["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(7, page["Resources"]![0]!["groups"]!.AsArray().Count);
        Assert.Equal(3, withoutGroups["itemsPerPage"]!.GetValue<int>());
    }

    [Fact]
    public async Task Streamed_members_reach_the_response_32_KB_at_a_time()
    {
        // Made through the stores: this server's request rate limits are on.
        var tenant = await server.CreateTenantAsync();
        var caller = new ScimCaller(tenant.OrgId, null, "test", null, PermissionSet.Unbounded);
        var userStore = server.Services.GetRequiredKeyedService<IScimResourceStore>("Users");
        var groupStore = server.Services.GetRequiredKeyedService<IScimResourceStore>("Groups");
        var users = new List<string>();
        for (var i = 0; i < 700; i++)
        {
            users.Add((await userStore.CreateAsync(caller, new JsonObject { ["userName"] = $"streamed{i}@example.com" }, CancellationToken.None)).GetValueOrThrow().Id);
        }

        var members = new JsonArray([.. users.Select(u => (JsonNode)new JsonObject { ["value"] = u })]);
        var id = (await groupStore.CreateAsync(caller, new JsonObject { ["displayName"] = "Streamed", ["members"] = members }, CancellationToken.None)).GetValueOrThrow().Id;
        var group = (await groupStore.GetAsync(caller, id, includeMembers: true, CancellationToken.None)).GetValueOrThrow();
        var streamed = new StreamedValues(new JsonObject(), ["value", "display", "type", "$ref"], "https://roster.test/scim/v2", group.Streamed!);
        var output = new ArrayBufferWriter<byte>();
        await using var writer = new Utf8JsonWriter(output);
        var flushedAt = new List<long>();

        writer.WriteStartObject();
        await streamed.WriteAsync(writer, async (w, cancellationToken) =>
        {
            await w.FlushAsync(cancellationToken);
            flushedAt.Add(w.BytesCommitted);
        }, CancellationToken.None);
        writer.WriteEndObject();
        await writer.FlushAsync();

        // About 100 KB of members: sent in parts of at most 32 KB and one member, never held whole.
        var written = JsonNode.Parse(output.WrittenSpan)!["members"]!.AsArray();
        Assert.Equal(users.Order(StringComparer.Ordinal), written.Select(m => m!["value"]!.GetValue<string>()));
        Assert.True(output.WrittenCount > 3 * 32 * 1024, $"{output.WrittenCount} bytes");
        Assert.True(flushedAt.Count >= output.WrittenCount / (33 * 1024), $"{flushedAt.Count} flushes of {output.WrittenCount} bytes");
        Assert.All(flushedAt.Zip(flushedAt.Skip(1), (before, after) => after - before), gap => Assert.InRange(gap, 32 * 1024, 33 * 1024));
    }

    private static async Task<List<string>> UsersAsync(TenantClient tenant, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await tenant.Scim.CreateUserAsync($"member{i}@example.com")).Id());
        }

        return ids;
    }

    private static async Task<JsonObject> CreateGroupAsync(TenantClient tenant, string name, IReadOnlyList<string> members)
    {
        var body = new JsonObject
        {
            ["displayName"] = name,
            ["members"] = new JsonArray([.. members.Select(id => (JsonNode)new JsonObject { ["value"] = id })]),
        };
        var response = await tenant.Scim.PostAsync("Groups", ScimHttp.Json(body));
        response.EnsureSuccessStatusCode();
        return await response.ReadObjectAsync();
    }
}
