using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Limits;

/// <summary>
/// Every request limit of the SCIM API has one configured value (<c>Roster:Limits</c>): the one
/// <c>/ServiceProviderConfig</c> advertises and the one a request over it meets, as a precise SCIM
/// error that names it, with nothing stored.
/// </summary>
public sealed class ScimRequestLimitTests(LimitedServerFixture server) : IClassFixture<LimitedServerFixture>
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";

    [Fact]
    public async Task ServiceProviderConfig_advertises_the_configured_limits_and_bulk_enforces_them()
    {
        var tenant = await server.CreateTenantAsync();
        static string Bulk(int operations) => $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:BulkRequest"],"Operations":[{{string.Join(",", Enumerable.Range(0, operations).Select(i => $$$"""{"method":"POST","path":"/Users","bulkId":"{{{i}}}","data":{"userName":"limit{{{i}}}@example.com"} }"""))}}]}""";

        var config = await (await tenant.Scim.GetAsync("ServiceProviderConfig")).ReadObjectAsync();
        var bulk = await tenant.Scim.PostAsync("Bulk", ScimHttp.Json(Bulk(LimitedServerFixture.MaxBulkOperations)));
        var tooMany = await tenant.Scim.PostAsync("Bulk", ScimHttp.Json(Bulk(LimitedServerFixture.MaxBulkOperations + 1)));
        var tooBig = await tenant.Scim.PostAsync("Bulk", ScimHttp.Json(Bulk(1).Replace("limit0@", new string('x', LimitedServerFixture.MaxBodyBytes) + "@", StringComparison.Ordinal)));

        Assert.Equal(LimitedServerFixture.MaxPageSize, config["filter"]!["maxResults"]!.GetValue<int>());
        Assert.Equal(LimitedServerFixture.MaxPageSize, config["pagination"]!["maxPageSize"]!.GetValue<int>());
        Assert.True(config["bulk"]!["supported"]!.GetValue<bool>());
        Assert.Equal(LimitedServerFixture.MaxBulkOperations, config["bulk"]!["maxOperations"]!.GetValue<int>());
        Assert.Equal(LimitedServerFixture.MaxBodyBytes, config["bulk"]!["maxPayloadSize"]!.GetValue<int>());
        var limits = config[Roster.Scim.Discovery.ServiceProviderLimits.SchemaUri]!;
        Assert.Contains(Roster.Scim.Discovery.ServiceProviderLimits.SchemaUri, config["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(LimitedServerFixture.MaxFilterLength, limits["maxFilterLength"]!.GetValue<int>());
        Assert.Equal(LimitedServerFixture.MaxFilterDepth, limits["maxFilterDepth"]!.GetValue<int>());
        Assert.Equal(LimitedServerFixture.MaxFilterTerms, limits["maxFilterTerms"]!.GetValue<int>());
        Assert.Equal(LimitedServerFixture.QueryTimeoutMilliseconds, limits["queryTimeoutMilliseconds"]!.GetValue<int>());
        Assert.Equal(LimitedServerFixture.MaxValuesPerAttribute, limits["maxValuesPerAttribute"]!.GetValue<int>());
        Assert.Equal(LimitedServerFixture.MaxMembersPerPage, limits["maxMembersPerPage"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooMany.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal(LimitedServerFixture.MaxBulkOperations, (await (await tenant.Scim.GetAsync("Users?count=0")).ReadObjectAsync())["totalResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_naming_the_limit_and_nothing_is_stored()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json(UserWithDisplayName("big@example.com", LimitedServerFixture.MaxBodyBytes)));

        await AssertScimErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, null, "65,536 bytes");
        Assert.Equal(0, await CountUsersAsync(tenant, "big@example.com"));
    }

    [Fact]
    public async Task A_chunked_body_without_Content_Length_over_the_limit_is_413_and_nothing_is_stored()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users", new UnsizedContent(UserWithDisplayName("chunked@example.com", 2 * LimitedServerFixture.MaxBodyBytes)));

        await AssertScimErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, null, "65,536 bytes");
        Assert.Equal(0, await CountUsersAsync(tenant, "chunked@example.com"));
    }

    [Fact]
    public async Task A_chunked_body_under_the_limit_is_read()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users", new UnsizedContent(UserWithDisplayName("small@example.com", 1000)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Count_above_the_maximum_is_clamped_to_maxResults_and_no_count_gives_the_default()
    {
        var tenant = await server.CreateTenantAsync();
        for (var i = 0; i < 7; i++)
        {
            await tenant.Scim.CreateUserAsync($"page{i}@example.com");
        }

        var asked = await (await tenant.Scim.GetAsync("Users?count=100")).ReadObjectAsync();
        var unasked = await (await tenant.Scim.GetAsync("Users")).ReadObjectAsync();
        var notANumber = await tenant.Scim.GetAsync("Users?count=ten");

        Assert.Equal(7, asked["totalResults"]!.GetValue<int>());
        Assert.Equal(LimitedServerFixture.MaxPageSize, asked["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(LimitedServerFixture.MaxPageSize, asked["Resources"]!.AsArray().Count);
        Assert.Equal(3, unasked["Resources"]!.AsArray().Count);
        await AssertScimErrorAsync(notANumber, HttpStatusCode.BadRequest, "invalidValue", "count must be an integer");
    }

    [Fact]
    public async Task A_filter_longer_than_the_limit_is_400_invalidFilter_naming_the_limit()
    {
        var tenant = await server.CreateTenantAsync();
        var filter = $"userName eq \"{new string('a', LimitedServerFixture.MaxFilterLength)}@example.com\"";

        var get = await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}");
        var search = await tenant.Scim.PostAsync("Users/.search", ScimHttp.Json(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:SearchRequest"),
            ["filter"] = filter,
        }));

        await AssertScimErrorAsync(get, HttpStatusCode.BadRequest, "invalidFilter", "the limit is 200");
        await AssertScimErrorAsync(search, HttpStatusCode.BadRequest, "invalidFilter", "the limit is 200");
    }

    [Fact]
    public async Task A_filter_nested_deeper_than_the_limit_is_400_invalidFilter_naming_the_limit()
    {
        var tenant = await server.CreateTenantAsync();
        var depth = LimitedServerFixture.MaxFilterDepth + 1;
        var filter = new string('(', depth) + "userName eq \"x\"" + new string(')', depth);

        var response = await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}");

        await AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "invalidFilter", "more than 8 levels deep");
    }

    [Fact]
    public async Task A_filter_with_more_terms_than_the_limit_is_400_invalidFilter_naming_the_limit()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("t3");
        static string Terms(int count) => string.Join(" or ", Enumerable.Range(0, count).Select(i => $"userName eq \"t{i}\""));

        var atTheLimit = await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString(Terms(LimitedServerFixture.MaxFilterTerms))}");
        var overIt = await tenant.Scim.PostAsync("Users/.search", ScimHttp.Json(new JsonObject { ["filter"] = Terms(LimitedServerFixture.MaxFilterTerms + 1) }));
        var inBrackets = await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString("emails[" + string.Join(" or ", Enumerable.Repeat("value pr", LimitedServerFixture.MaxFilterTerms + 1)) + "]")}");

        Assert.Equal(1, (await atTheLimit.ReadObjectAsync())["totalResults"]!.GetValue<int>());
        await AssertScimErrorAsync(overIt, HttpStatusCode.BadRequest, "invalidFilter", "the limit is 6");
        await AssertScimErrorAsync(inBrackets, HttpStatusCode.BadRequest, "invalidFilter", "the limit is 6");
    }

    [Fact]
    public async Task A_write_that_grows_a_multi_valued_attribute_past_the_limit_is_400_naming_it_and_stores_nothing()
    {
        var tenant = await server.CreateTenantAsync();
        static string Values(string attribute, int count) =>
            $"\"{attribute}\":[{string.Join(",", Enumerable.Range(0, count).Select(i => $"{{\"value\":\"v{i}@example.com\"}}"))}]";
        var user = await tenant.Scim.CreateUserAsync("values@example.com", Values("emails", LimitedServerFixture.MaxValuesPerAttribute));
        var version = user["meta"]!["version"]!.ToString();

        var post = await tenant.Scim.PostAsync("Users", ScimHttp.Json($$"""{"userName":"more@example.com",{{Values("phoneNumbers", LimitedServerFixture.MaxValuesPerAttribute + 1)}}}"""));
        var put = await tenant.Scim.PutAsync($"Users/{user.Id()}", ScimHttp.Json($$"""{"userName":"values@example.com",{{Values("entitlements", LimitedServerFixture.MaxValuesPerAttribute + 1)}}}"""));
        var patch = await tenant.Scim.PatchAsync($"Users/{user.Id()}", """{"Operations":[{"op":"add","path":"emails","value":[{"value":"fifth@example.com"}]}]}""");
        var replace = await tenant.Scim.PatchAsync($"Users/{user.Id()}", """{"Operations":[{"op":"replace","path":"emails[value eq \"v0@example.com\"].type","value":"home"}]}""");

        await AssertScimErrorAsync(post, HttpStatusCode.BadRequest, "invalidValue", "'phoneNumbers' would hold 5 values; this server keeps at most 4");
        await AssertScimErrorAsync(put, HttpStatusCode.BadRequest, "invalidValue", "'entitlements' would hold 5 values");
        await AssertScimErrorAsync(patch, HttpStatusCode.BadRequest, "invalidValue", "'emails' would hold 5 values");
        Assert.Equal(HttpStatusCode.OK, replace.StatusCode);
        Assert.Equal(0, await CountUsersAsync(tenant, "more@example.com"));
        var after = await (await tenant.Scim.GetAsync($"Users/{user.Id()}")).ReadObjectAsync();
        Assert.Equal(LimitedServerFixture.MaxValuesPerAttribute, after["emails"]!.AsArray().Count);
        Assert.Null(after["entitlements"]);
        Assert.NotEqual(version, after["meta"]!["version"]!.ToString());
    }

    [Fact]
    public async Task A_PATCH_with_more_operations_than_the_limit_is_413_naming_it_and_changes_nothing()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("ops@example.com", "\"displayName\":\"Before\"");

        var tooMany = await tenant.Scim.PatchAsync($"Users/{user.Id()}", PatchOf(LimitedServerFixture.MaxPatchOperations + 1));
        var after = await (await tenant.Scim.GetAsync($"Users/{user.Id()}")).ReadObjectAsync();
        var atTheLimit = await tenant.Scim.PatchAsync($"Users/{user.Id()}", PatchOf(LimitedServerFixture.MaxPatchOperations));

        await AssertScimErrorAsync(tooMany, HttpStatusCode.RequestEntityTooLarge, null, "at most 10 per request");
        Assert.Equal("Before", (string?)after["displayName"]);
        Assert.Equal(user["meta"]!["version"]!.ToString(), after["meta"]!["version"]!.ToString());
        Assert.Equal(HttpStatusCode.OK, atTheLimit.StatusCode);
    }

    [Fact]
    public async Task JSON_nested_deeper_than_the_limit_is_400_invalidSyntax_not_500_and_nothing_is_stored()
    {
        var tenant = await server.CreateTenantAsync();
        var nested = new string('[', 40) + new string(']', 40);

        var response = await tenant.Scim.PostAsync("Users", ScimHttp.Json(
            $$"""{"schemas":["{{UserSchema}}"],"userName":"deep@example.com","nickName":{{nested}}}"""));

        await AssertScimErrorAsync(response, HttpStatusCode.BadRequest, "invalidSyntax", "more than 16 levels deep");
        Assert.Equal(0, await CountUsersAsync(tenant, "deep@example.com"));
    }

    [Fact]
    public async Task A_request_line_over_Kestrel_s_limit_is_414()
    {
        var tenant = await server.CreateTenantAsync();
        var filter = $"userName eq \"{new string('a', LimitedServerFixture.MaxRequestLineBytes)}\"";

        var response = await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString(filter)}");

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Fact]
    public async Task Headers_over_Kestrel_s_limit_are_431()
    {
        var tenant = await server.CreateTenantAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "Users");
        request.Headers.Add("X-Padding", new string('p', LimitedServerFixture.MaxHeaderBytes));

        var response = await tenant.Scim.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    internal static async Task AssertScimErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? scimType, string detailPart)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        var error = JsonNode.Parse(text)!.AsObject();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string?)error["schemas"]![0]);
        Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)error["status"]);
        Assert.Equal(scimType, (string?)error["scimType"]);
        Assert.Contains(detailPart, (string?)error["detail"], StringComparison.Ordinal);
    }

    private static async Task<int> CountUsersAsync(TenantClient tenant, string userName)
    {
        var list = await (await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}")).ReadObjectAsync();
        return list["totalResults"]!.GetValue<int>();
    }

    private static string UserWithDisplayName(string userName, int length) =>
        $$"""{"schemas":["{{UserSchema}}"],"userName":"{{userName}}","displayName":"{{new string('d', length)}}"}""";

    private static string PatchOf(int operations) => new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
        ["Operations"] = new JsonArray([.. Enumerable.Range(1, operations).Select(i => (JsonNode)new JsonObject
        {
            ["op"] = "replace",
            ["path"] = "displayName",
            ["value"] = $"After {i}",
        })]),
    }.ToJsonString();
}
