using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

[Collection(ServerCollectionDefinition.Name)]
public sealed class ListAndFilterTests(RosterServerFixture server)
{
    private static string Filter(string filter) => "Users?filter=" + Uri.EscapeDataString(filter);

    [Fact]
    public async Task Filter_without_a_match_is_200_with_zero_results()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.GetAsync(Filter("userName eq \"nobody@example.com\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = await response.ReadObjectAsync();
        Assert.Equal(0, list["totalResults"]!.GetValue<int>());
        Assert.Empty(list["Resources"]!.AsArray());
        Assert.Contains("urn:ietf:params:scim:api:messages:2.0:ListResponse", list["schemas"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserName_filter_ignores_case()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("Mixed.Case@Example.com");

        var list = await (await tenant.Scim.GetAsync(Filter("userName eq \"mixed.case@example.com\""))).ReadObjectAsync();

        Assert.Equal(1, list["totalResults"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName xx \"a\"")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("noSuchAttribute eq \"a\"")]
    [InlineData("emails[type eq \"work\"")]
    [InlineData("password eq \"secret\"")]
    [InlineData("active gt true")]
    public async Task Bad_filter_is_400_invalid_filter(string filter)
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.GetAsync(Filter(filter));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadObjectAsync();
        Assert.Equal("400", error["status"]!.GetValue<string>());
        Assert.Equal("invalidFilter", error["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Complex_filters_run_against_stored_users()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("a@example.com", "\"title\":\"Engineer\",\"emails\":[{\"value\":\"a@work.example.com\",\"type\":\"work\"}],\"name\":{\"familyName\":\"O'Malley\"}");
        await tenant.Scim.CreateUserAsync("b@example.com", "\"title\":\"Manager\",\"emails\":[{\"value\":\"b@home.example.org\",\"type\":\"home\"}]");
        await tenant.Scim.CreateUserAsync("c@example.com", "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"employeeNumber\":\"42\"}");

        async Task<int> Count(string filter) =>
            (await (await tenant.Scim.GetAsync(Filter(filter))).ReadObjectAsync())["totalResults"]!.GetValue<int>();

        Assert.Equal(1, await Count("emails[type eq \"work\" and value co \"@work.example\"]"));
        Assert.Equal(2, await Count("title pr"));
        Assert.Equal(1, await Count("not (title pr) and userName sw \"c\""));
        Assert.Equal(2, await Count("title eq \"Engineer\" or emails.value ew \".org\""));
        Assert.Equal(1, await Count("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName co \"O'Malley\""));
        Assert.Equal(1, await Count("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"42\""));
        Assert.Equal(3, await Count("meta.created gt \"2000-01-01T00:00:00Z\""));
        Assert.Equal(3, await Count("USERNAME EW \"EXAMPLE.COM\""));
    }

    [Fact]
    public async Task Unknown_query_parameters_are_ignored()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("aad@example.com");

        var response = await tenant.Scim.GetAsync("Users?aadOptscim062020&filter=" + Uri.EscapeDataString("userName eq \"aad@example.com\""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadObjectAsync())["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Plus_for_space_and_unquoted_values_are_tolerated()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("plus@example.com");

        var plus = await (await tenant.Scim.GetAsync("Users?filter=userName+eq+%22plus@example.com%22")).ReadObjectAsync();
        var unquoted = await (await tenant.Scim.GetAsync(Filter("userName eq plus@example.com"))).ReadObjectAsync();

        Assert.Equal(1, plus["totalResults"]!.GetValue<int>());
        Assert.Equal(1, unquoted["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Index_paging_and_sorting_walk_every_user_once()
    {
        var tenant = await server.CreateTenantAsync();
        for (var i = 0; i < 25; i++)
        {
            await tenant.Scim.CreateUserAsync($"page{i:D2}@example.com");
        }

        var seen = new List<string>();
        for (var start = 1; start <= 25; start += 10)
        {
            var page = await (await tenant.Scim.GetAsync($"Users?sortBy=userName&sortOrder=descending&startIndex={start}&count=10")).ReadObjectAsync();
            Assert.Equal(25, page["totalResults"]!.GetValue<int>());
            Assert.Equal(start, page["startIndex"]!.GetValue<int>());
            seen.AddRange(page["Resources"]!.AsArray().Select(r => r!["userName"]!.GetValue<string>()));
        }

        Assert.Equal(25, seen.Distinct().Count());
        Assert.Equal(seen.OrderByDescending(s => s, StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task Count_above_the_maximum_is_clamped_and_zero_gives_only_the_total()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("count@example.com");

        var zero = await (await tenant.Scim.GetAsync("Users?count=0")).ReadObjectAsync();
        var huge = await tenant.Scim.GetAsync("Users?count=1000000");

        Assert.Equal(1, zero["totalResults"]!.GetValue<int>());
        Assert.Empty(zero["Resources"]!.AsArray());
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
    }

    [Fact]
    public async Task Cursor_walk_during_concurrent_writes_neither_skips_nor_repeats()
    {
        var tenant = await server.CreateTenantAsync();
        var original = new HashSet<string>();
        for (var i = 0; i < 60; i++)
        {
            original.Add((await tenant.Scim.CreateUserAsync($"cursor{i:D2}@example.com")).Id());
        }

        var seen = new List<string>();
        var page = await (await tenant.Scim.GetAsync("Users?cursor&count=7")).ReadObjectAsync();
        var written = 0;
        while (true)
        {
            seen.AddRange(page["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
            // Concurrent writes between pages: new users appear, and they may or may not be seen.
            await tenant.Scim.CreateUserAsync($"late{written++}@example.com");
            if (page["nextCursor"] is not JsonValue next)
            {
                break;
            }

            page = await (await tenant.Scim.GetAsync($"Users?count=7&cursor={Uri.EscapeDataString(next.GetValue<string>())}")).ReadObjectAsync();
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), original);
    }

    [Fact]
    public async Task Malformed_cursor_is_400_invalid_cursor()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.GetAsync("Users?cursor=%%%garbage");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalidCursor", (await response.ReadObjectAsync())["scimType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_endpoint_takes_the_query_in_a_body()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("search@example.com", "\"displayName\":\"Searcher\"");
        await tenant.Scim.CreateGroupAsync("Searchers");

        var users = await (await tenant.Scim.PostAsync("Users/.search", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"userName eq \"search@example.com\"","attributes":["displayName"],"startIndex":1,"count":10}
            """))).ReadObjectAsync();
        var root = await (await tenant.Scim.PostAsync(".search", ScimHttp.Json("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"filter":"displayName sw \"Search\""}
            """))).ReadObjectAsync();

        Assert.Equal(1, users["totalResults"]!.GetValue<int>());
        Assert.Null(users["Resources"]![0]!["userName"]);
        Assert.Equal(2, root["totalResults"]!.GetValue<int>());
    }
}
