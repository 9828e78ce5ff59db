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

    private static readonly string[] ResourceAttributes =
    [
        "userName", "emails.value", "emails.type", "emails.primary", "name.givenName", "meta.created", "meta.lastModified", "meta.resourceType",
        "active", "id", "externalId", "displayName", "members.value", "members.type", "groups.value", "x509Certificates.value", "title",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
        "urn:ietf:params:scim:schemas:core:2.0:User:userName", "unknownAttribute", "name",
    ];

    private static readonly string[] MemberAttributes = ["value", "value", "value", "type", "type", "display", "$ref", "unknown"];

    private static readonly string[] Operators = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];

    private static readonly string[] Values =
    [
        "\"x\"", "\"\"", "\"filtered@example.com\"", "\"FILTERED@EXAMPLE.COM\"", "\"2011-05-13T04:42:34Z\"", "\"not a date\"", "1e400",
        "99999999999999999999999", "-0", "1.5", "true", "false", "null", "\"%_\\\\\"", "\"\\ud800\"", "\"\u00e9\"", "\"User\"", "\"Group\"",
        "\"' or 1=1 --\"", "\"01a218f6-73e3-749e-8cf7-aa477a06a34a\"",
    ];

    [Fact]
    public async Task Generated_filters_are_200_or_400_invalidFilter_never_500()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("filtered@example.com", "\"emails\":[{\"value\":\"filtered@example.com\",\"type\":\"work\"}],\"active\":true");
        await tenant.Scim.CreateGroupAsync("Filtered");
        var random = new Random(20261126);
        var answered = 0;
        var ran = 0;
        for (var i = 0; i < 400; i++)
        {
            var filter = i % 2 == 0
                ? Structured(random, ResourceAttributes, depth: 3, valuePaths: true)
                : string.Join(random.Next(3) == 0 ? "" : " ", random.GetItems(Fragments, random.Next(1, 12)));
            foreach (var resourceType in new[] { "Users", "Groups" })
            {
                var response = await tenant.Scim.PostAsync($"{resourceType}/.search", ScimHttp.Json(new JsonObject { ["filter"] = filter }));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    ran++;
                }
                else
                {
                    await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, "invalidFilter", $"{resourceType} filter {filter}");
                }

                answered++;
            }
        }

        Assert.Equal(800, answered);
        Assert.True(ran > 100, $"only {ran} filters ran in the database");
    }

    [Fact]
    public async Task Generated_member_filters_in_a_group_patch_are_a_success_or_a_400_never_500()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("member@example.com");
        var group = $"Groups/{(await tenant.Scim.CreateGroupAsync("Members")).Id()}";
        var random = new Random(20261127);
        var applied = 0;
        var refusals = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var add = $$"""{"Operations":[{"op":"add","path":"members","value":[{"value":"{{user.Id()}}"}]}]}""";
            Assert.True((await tenant.Scim.PatchAsync(group, add)).IsSuccessStatusCode);
            var filter = i % 4 == 0
                ? string.Join(random.Next(3) == 0 ? "" : " ", random.GetItems(Fragments, random.Next(1, 10)))
                : Structured(random, MemberAttributes, depth: 2, valuePaths: false);
            var remove = new JsonObject
            {
                ["Operations"] = new JsonArray(new JsonObject { ["op"] = "remove", ["path"] = $"members[{filter}]" }),
            };

            var response = await tenant.Scim.PatchAsync(group, remove.ToJsonString());

            if (response.IsSuccessStatusCode)
            {
                applied++;
            }
            else
            {
                var error = await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, null, $"remove members[{filter}]");
                refusals.Add(error["detail"]!.GetValue<string>());
            }
        }

        Assert.True(applied > 50, $"only {applied} member filters were applied; refused: {string.Join("\n", refusals.Take(30))}");
    }

    [Theory]
    [InlineData("Users", "userName eq \"\\ud800\"")]
    [InlineData("Users", "not (emails[display gt \"\\ud800\"])")]
    [InlineData("Groups", "displayName co \"a\\udc00\"")]
    public async Task A_lone_surrogate_in_a_filter_string_is_400_invalidFilter_on_every_database(string resourceType, string filter)
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync($"{resourceType}/.search", ScimHttp.Json(new JsonObject { ["filter"] = filter }));

        var error = await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, "invalidFilter", filter);
        Assert.Contains("lone UTF-16 surrogate", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_member_filter_of_a_group_patch_is_400_invalidPath()
    {
        var tenant = await server.CreateTenantAsync();
        var group = $"Groups/{(await tenant.Scim.CreateGroupAsync("Surrogates")).Id()}";

        var response = await tenant.Scim.PatchAsync(group, """{"Operations":[{"op":"remove","path":"members[value co \"\\ud800\"]"}]}""");

        await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, "invalidPath", "members[value co \"\\ud800\"]");
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

    [Theory]
    [InlineData("value filter")]
    [InlineData("value filter under and")]
    [InlineData("value filters")]
    [InlineData("comparisons")]
    public async Task A_filter_of_500_terms_answers_correctly_on_every_database(string shape)
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("v250", "\"emails\":[{\"value\":\"v250\",\"type\":\"work\"}]");
        await tenant.Scim.CreateUserAsync("other", "\"emails\":[{\"value\":\"other\",\"type\":\"work\"}]");

        // Short values, so that 500 terms fit in the filter's 10,000 characters (longer terms, fewer).
        string Values(int count, string format) => string.Join(" or ", Enumerable.Range(0, count).Select(i => format.Replace("{0}", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        var filter = shape switch
        {
            "value filter" => $"emails[{Values(500, "value eq \"v{0}\"")}]",
            "value filter under and" => $"emails[type eq \"work\" and ({Values(499, "value eq \"v{0}\"")})]",
            "value filters" => Values(370, "emails[value eq \"v{0}\"]"),
            _ => Values(450, "userName eq \"v{0}\""),
        };

        var response = await tenant.Scim.PostAsync("Users/.search", ScimHttp.Json(new JsonObject { ["filter"] = filter }));

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{shape}: {(int)response.StatusCode} {text}");
        var list = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(1, list["totalResults"]!.GetValue<int>());
        Assert.Equal("v250", list["Resources"]![0]!["userName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Users", "id pr", " or ")]
    [InlineData("Users", "id pr", " and ")]
    [InlineData("Groups", "id pr", " or ")]
    [InlineData("Users", "emails[type pr]", " or ")]
    public async Task Ten_thousand_characters_of_one_chained_term_are_a_precise_400_not_a_500(string resourceType, string term, string separator)
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("chain@example.com", "\"emails\":[{\"value\":\"chain@example.com\"}]");
        await tenant.Scim.CreateGroupAsync("Chain");
        var filter = new StringBuilder(term);
        while (filter.Length + separator.Length + term.Length <= 10_000)
        {
            filter.Append(separator).Append(term);
        }

        var response = await tenant.Scim.PostAsync($"{resourceType}/.search", ScimHttp.Json(new JsonObject { ["filter"] = filter.ToString() }));

        var error = await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, "invalidFilter", $"{term}{separator}... ({filter.Length} characters)");
        Assert.Contains("the limit is 500", error["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>A filter that mostly parses: comparisons, pr, and, or, not and value paths over <paramref name="attributes"/>, with hostile values.</summary>
    private static string Structured(Random random, string[] attributes, int depth, bool valuePaths)
    {
        var choice = random.Next(depth > 0 ? (valuePaths ? 6 : 5) : 2);
        return choice switch
        {
            0 => $"{random.GetItems(attributes, 1)[0]} pr",
            1 => $"{random.GetItems(attributes, 1)[0]} {random.GetItems(Operators, 1)[0]} {random.GetItems(Values, 1)[0]}",
            2 => $"{Structured(random, attributes, depth - 1, valuePaths)} and {Structured(random, attributes, depth - 1, valuePaths)}",
            3 => $"({Structured(random, attributes, depth - 1, valuePaths)} or {Structured(random, attributes, depth - 1, valuePaths)})",
            4 => $"not ({Structured(random, attributes, depth - 1, valuePaths)})",
            _ => $"{random.GetItems(["emails", "members", "groups", "x509Certificates", "name"], 1)[0]}[{Structured(random, MemberAttributes, depth - 1, valuePaths: false)}]",
        };
    }
}
