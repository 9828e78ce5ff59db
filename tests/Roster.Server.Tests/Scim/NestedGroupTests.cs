using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// Groups in groups: a membership that would make a cycle is refused with the path it would take,
/// also when two requests each add one side at once; a user's <c>groups</c> lists direct and
/// indirect memberships (RFC 7643 section 4.1.2), and <c>groups.value</c> filters reach through nesting.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class NestedGroupTests(RosterServerFixture server)
{
    private static string AddMember(string id) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{id}}"}]}]}""";

    [Fact]
    public async Task A_membership_closing_a_cycle_is_400_invalid_value_naming_the_path_and_nothing_changes()
    {
        var tenant = await server.CreateTenantAsync();
        var top = (await tenant.Scim.CreateGroupAsync("Top")).Id();
        var middle = (await tenant.Scim.CreateGroupAsync("Middle")).Id();
        var bottom = (await tenant.Scim.CreateGroupAsync("Bottom")).Id();
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Scim.PatchAsync($"Groups/{top}", AddMember(middle))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await tenant.Scim.PatchAsync($"Groups/{middle}", AddMember(bottom))).StatusCode);

        var cycle = await tenant.Scim.PatchAsync($"Groups/{bottom}", AddMember(top));
        var replace = await tenant.Scim.PutAsync($"Groups/{bottom}", ScimHttp.Json($$"""
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Bottom","members":[{"value":"{{top}}"}]}
            """));
        var read = await (await tenant.Scim.GetAsync($"Groups/{bottom}")).ReadObjectAsync();

        var error = await ScimErrorAssert.ClientErrorAsync(cycle, HttpStatusCode.BadRequest, "invalidValue", "cycle by PATCH");
        Assert.Contains("\"Top\" contains \"Middle\" contains \"Bottom\", which would contain \"Top\" again", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await ScimErrorAssert.ClientErrorAsync(replace, HttpStatusCode.BadRequest, "invalidValue", "cycle by PUT");
        Assert.Null(read["members"]);
    }

    [Fact]
    public async Task Two_concurrent_patches_that_each_add_one_side_of_a_cycle_do_not_both_succeed()
    {
        var tenant = await server.CreateTenantAsync();
        for (var round = 0; round < 5; round++)
        {
            var a = (await tenant.Scim.CreateGroupAsync($"A{round}")).Id();
            var b = (await tenant.Scim.CreateGroupAsync($"B{round}")).Id();

            var results = await Task.WhenAll(
                tenant.Scim.PatchAsync($"Groups/{a}", AddMember(b)),
                tenant.Scim.PatchAsync($"Groups/{b}", AddMember(a)));

            Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.NoContent));
            Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
            var members = await Task.WhenAll(tenant.Scim.GetAsync($"Groups/{a}"), tenant.Scim.GetAsync($"Groups/{b}"));
            var stored = 0;
            foreach (var response in members)
            {
                stored += (await response.ReadObjectAsync())["members"]?.AsArray().Count ?? 0;
            }

            Assert.Equal(1, stored);
        }
    }

    [Fact]
    public async Task A_user_lists_direct_and_indirect_groups_and_groups_value_filters_reach_through_nesting()
    {
        var tenant = await server.CreateTenantAsync();
        var user = (await tenant.Scim.CreateUserAsync("nested.member@example.com")).Id();
        var outsider = (await tenant.Scim.CreateUserAsync("outsider@example.com")).Id();
        var company = (await tenant.Scim.CreateGroupAsync("Company")).Id();
        var engineering = (await tenant.Scim.CreateGroupAsync("Engineering")).Id();
        var team = (await tenant.Scim.CreateGroupAsync("Team")).Id();
        await tenant.Scim.PatchAsync($"Groups/{company}", AddMember(engineering));
        await tenant.Scim.PatchAsync($"Groups/{engineering}", AddMember(team));
        await tenant.Scim.PatchAsync($"Groups/{team}", AddMember(user));
        await tenant.Scim.PatchAsync($"Groups/{company}", AddMember(outsider));

        var read = await (await tenant.Scim.GetAsync($"Users/{user}")).ReadObjectAsync();
        var groups = read["groups"]!.AsArray().OfType<JsonObject>()
            .ToDictionary(g => g["display"]!.GetValue<string>(), g => g["type"]!.GetValue<string>());
        var inCompany = await (await tenant.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString($"groups.value eq \"{company}\""))).ReadObjectAsync();
        var inTeam = await (await tenant.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString($"groups.value eq \"{team}\""))).ReadObjectAsync();
        var indirect = await (await tenant.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString($"groups[value eq \"{company}\" and type eq \"indirect\"]"))).ReadObjectAsync();

        Assert.Equal(new Dictionary<string, string> { ["Team"] = "direct", ["Engineering"] = "indirect", ["Company"] = "indirect" }, groups);
        Assert.Equal(["nested.member@example.com", "outsider@example.com"], UserNames(inCompany));
        Assert.Equal(["nested.member@example.com"], UserNames(inTeam));
        Assert.Equal(["nested.member@example.com"], UserNames(indirect));
    }

    private static IEnumerable<string> UserNames(JsonObject page) =>
        page["Resources"]!.AsArray().Select(r => r!["userName"]!.GetValue<string>()).Order(StringComparer.Ordinal);
}
