using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// Hostile filters run through the whole path, parser and SQL translation on the real database:
/// each is a 200 or a 400 <c>invalidFilter</c>, never a 500. Filters at the parser's limits
/// (64 levels of nesting, 10,000 characters of <c>or</c> terms) still run in the database.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class HostileFilterTests(RosterServerFixture server)
{
    private static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "\"", "\"x\"", "\"a b\"", " ", " ", " ", ".", ":", "and", "or", "not", "not (", "eq", "ne", "co", "sw", "ew",
        "gt", "ge", "lt", "le", "pr", "true", "false", "null", "1e400", "99999999999999999999999", "-1.5", "\"2011-05-13T04:42:34Z\"",
        "userName", "emails", "emails.value", "emails[type eq \"work\"]", "name.givenName", "meta.lastModified", "meta.created", "active",
        "id", "externalId", "members", "members.value", "groups", "displayName", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "\"\\ud800\"", "\"\u00e9\u0000\"", "\"%\"", "\"_\"", "\"\\\\\"",
        "\"'; drop table users; --\"", "x509Certificates.value", "\"\U0001F600\"",
    ];

    [Fact]
    public async Task Generated_filters_are_200_or_400_invalidFilter_never_500()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("filtered@example.com", "\"emails\":[{\"value\":\"filtered@example.com\",\"type\":\"work\"}],\"active\":true");
        await tenant.Scim.CreateGroupAsync("Filtered");
        var random = new Random(20261126);
        var answered = 0;
        for (var i = 0; i < 400; i++)
        {
            var filter = string.Join(random.Next(3) == 0 ? "" : " ", random.GetItems(Fragments, random.Next(1, 12)));
            foreach (var resourceType in new[] { "Users", "Groups" })
            {
                var response = await tenant.Scim.PostAsync($"{resourceType}/.search", ScimHttp.Json(new JsonObject { ["filter"] = filter }));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, "invalidFilter", $"{resourceType} filter {filter}");
                }

                answered++;
            }
        }

        Assert.Equal(800, answered);
    }

    [Theory]
    [InlineData("not (", ")")]
    [InlineData("(", ")")]
    [InlineData("not (emails[type eq \"work\"] and ", ")")]
    public async Task Nesting_to_the_limit_runs_in_the_database(string open, string close)
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("deep@example.com");
        var filter = string.Concat(Enumerable.Repeat(open, 63)) + "userName pr" + string.Concat(Enumerable.Repeat(close, 63));

        var response = await tenant.Scim.PostAsync("Users/.search", ScimHttp.Json(new JsonObject { ["filter"] = filter }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Nesting_past_the_limit_and_overlong_filters_are_invalidFilter()
    {
        var tenant = await server.CreateTenantAsync();
        var deep = new string('(', 5_000) + "userName pr" + new string(')', 5_000);
        var longest = new StringBuilder("userName eq \"u0\"");
        for (var i = 1; longest.Length < 10_100; i++)
        {
            longest.Append(" or userName eq \"u").Append(i).Append('"');
        }

        foreach (var filter in new[] { deep, longest.ToString() })
        {
            var response = await tenant.Scim.PostAsync("Users/.search", ScimHttp.Json(new JsonObject { ["filter"] = filter }));

            await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, "invalidFilter", filter[..40]);
        }
    }

    [Fact]
    public async Task A_filter_of_almost_10000_characters_of_or_terms_runs_in_the_database()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("u7");
        var filter = new StringBuilder("userName eq \"u0\"");
        for (var i = 1; filter.Length < 9_900; i++)
        {
            filter.Append(" or userName eq \"u").Append(i).Append('"');
        }

        var response = await tenant.Scim.PostAsync("Users/.search", ScimHttp.Json(new JsonObject { ["filter"] = filter.ToString() }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.ReadObjectAsync())["totalResults"]!.GetValue<int>());
    }
}
