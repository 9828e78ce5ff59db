using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// Malformed request bodies on every write of Users and Groups (POST, PUT, PATCH): each is a 4xx
/// SCIM error with a scimType and a detail, never a 500, and nothing is stored or changed.
/// Repeated member names are refused (400 invalidSyntax) at any depth and in any case, since
/// SCIM attribute names ignore case; a <c>\u0000</c> escape (NUL, which PostgreSQL cannot store)
/// is refused in any value or name; a UTF-8 byte order mark is ignored (RFC 8259 section 8.1).
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class HostileBodyTests(RosterServerFixture server)
{
    private const string InvalidSyntax = "invalidSyntax";
    private const string InvalidValue = "invalidValue";

    /// <summary>Bodies that no write accepts, with the scimType each must get.</summary>
    public static TheoryData<string, string> Bodies() => new()
    {
        { "empty", InvalidSyntax },
        { "whitespace", InvalidSyntax },
        { "null", InvalidSyntax },
        { "array", InvalidSyntax },
        { "array of the object", InvalidSyntax },
        { "string", InvalidSyntax },
        { "number", InvalidSyntax },
        { "invalid UTF-8 byte", InvalidSyntax },
        { "overlong UTF-8", InvalidSyntax },
        { "UTF-8 encoded surrogate", InvalidSyntax },
        { "truncated UTF-8 sequence", InvalidSyntax },
        { "lone surrogate escape in a value", InvalidSyntax },
        { "lone surrogate escape in a name", InvalidSyntax },
        { "nested 5,000 deep", InvalidSyntax },
        { "nested 65 deep", InvalidSyntax },
        { "duplicate member", InvalidSyntax },
        { "duplicate member in another case", InvalidSyntax },
        { "duplicate nested member", InvalidSyntax },
        { "truncated", InvalidSyntax },
        { "trailing comma", InvalidSyntax },
        { "comment", InvalidSyntax },
        { "two documents", InvalidSyntax },
        { "single quotes", InvalidSyntax },
        { "byte order mark before broken JSON", InvalidSyntax },
        { "NUL escape in a value", InvalidValue },
        { "NUL escape in a nested value", InvalidValue },
        { "NUL escape in a name", InvalidSyntax },
        { "huge integer where a string goes", InvalidValue },
        { "1e400 where a string goes", InvalidValue },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Post_of_a_malformed_body_is_a_scim_error_and_stores_nothing(string body, string scimType)
    {
        var tenant = await server.CreateTenantAsync();
        foreach (var resourceType in new[] { "Users", "Groups" })
        {
            var before = await ScimErrorAssert.CountAsync(tenant.Scim, resourceType);

            var response = await tenant.Scim.PostAsync(resourceType, Content(Body(body, resourceType, patch: false)));

            await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, scimType, $"POST {resourceType} {body}");
            Assert.Equal(before, await ScimErrorAssert.CountAsync(tenant.Scim, resourceType));
        }
    }

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Put_and_patch_of_a_malformed_body_are_scim_errors_and_change_nothing(string body, string scimType)
    {
        var tenant = await server.CreateTenantAsync();
        var user = $"Users/{(await tenant.Scim.CreateUserAsync("hostile@example.com")).Id()}";
        var group = $"Groups/{(await tenant.Scim.CreateGroupAsync("Hostile")).Id()}";
        foreach (var (location, resourceType) in new[] { (user, "Users"), (group, "Groups") })
        {
            var version = await ScimErrorAssert.VersionAsync(tenant.Scim, location);
            foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch })
            {
                using var request = new HttpRequestMessage(method, location) { Content = Content(Body(body, resourceType, patch: method == HttpMethod.Patch)) };

                var response = await tenant.Scim.SendAsync(request);

                await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.BadRequest, scimType, $"{method} {location} {body}");
            }

            Assert.Equal(version, await ScimErrorAssert.VersionAsync(tenant.Scim, location));
        }
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/scim+xml")]
    public async Task A_body_that_is_not_json_by_its_content_type_is_415_on_every_write(string contentType)
    {
        var tenant = await server.CreateTenantAsync();
        var user = $"Users/{(await tenant.Scim.CreateUserAsync("typed@example.com")).Id()}";
        var writes = new[] { (HttpMethod.Post, "Users"), (HttpMethod.Post, "Groups"), (HttpMethod.Put, user), (HttpMethod.Patch, user) };
        foreach (var (method, location) in writes)
        {
            using var content = new ByteArrayContent("""{"userName":"typed2@example.com","displayName":"G"}"""u8.ToArray());
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);

            var response = await tenant.Scim.SendAsync(new HttpRequestMessage(method, location) { Content = content });

            await ScimErrorAssert.ClientErrorAsync(response, HttpStatusCode.UnsupportedMediaType, null, $"{method} {location} as {contentType}");
        }

        Assert.Equal(1, await ScimErrorAssert.CountAsync(tenant.Scim, "Users"));
        Assert.Equal(0, await ScimErrorAssert.CountAsync(tenant.Scim, "Groups"));
    }

    [Fact]
    public async Task A_byte_order_mark_before_a_valid_body_is_ignored()
    {
        var tenant = await server.CreateTenantAsync();

        var response = await tenant.Scim.PostAsync("Users", Content([0xEF, 0xBB, 0xBF, .. """{"userName":"bom@example.com"}"""u8]));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("bom@example.com", (await response.ReadObjectAsync())["userName"]!.GetValue<string>());
    }

    private static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/scim+json");
        return content;
    }

    /// <summary>The bytes of a named malformed body, shaped for the resource type and verb where that matters.</summary>
    private static byte[] Body(string name, string resourceType, bool patch)
    {
        var nameAttribute = resourceType == "Users" ? "userName" : "displayName";
        var valid = patch
            ? """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"displayName","value":"x"}]}"""
            : resourceType == "Users" ? """{"userName":"valid-name","displayName":"x"}""" : """{"displayName":"valid-name"}""";
        byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
        byte[] Wrapped(string value) => patch
            ? Text($$"""{"Operations":[{"op":"replace","path":"displayName","value":{{value}}}]}""")
            : Text(resourceType == "Users" ? $$"""{"userName":"valid-name","displayName":{{value}}}""" : $$"""{"displayName":{{value}}}""");
        return name switch
        {
            "empty" => [],
            "whitespace" => Text(" \r\n\t "),
            "null" => Text("null"),
            "array" => Text("[]"),
            "array of the object" => Text("[" + valid + "]"),
            "string" => Text("\"" + nameAttribute + "\""),
            "number" => Text("42"),
            "invalid UTF-8 byte" => [.. Text("{\"" + nameAttribute + "\":\""), 0xFF, .. Text("\"}")],
            "overlong UTF-8" => [.. Text("{\"" + nameAttribute + "\":\""), 0xC0, 0xAF, .. Text("\"}")],
            "UTF-8 encoded surrogate" => [.. Text("{\"" + nameAttribute + "\":\""), 0xED, 0xA0, 0x80, .. Text("\"}")],
            "truncated UTF-8 sequence" => [.. Text("{\"" + nameAttribute + "\":\"a"), 0xE2, 0x82, .. Text("\"}")],
            "lone surrogate escape in a value" => Wrapped("\"\\ud800\""),
            "lone surrogate escape in a name" => patch
                ? Text("""{"Operations":[{"op":"replace","value":{"\udc00":"x"}}]}""")
                : Text($$"""{"{{nameAttribute}}":"valid-name","\udc00":"x"}"""),
            "NUL escape in a value" => Wrapped("\"a\\u0000b\""),
            "NUL escape in a nested value" => Wrapped("""{"value":["\u0000"]}"""),
            "NUL escape in a name" => patch
                ? Text("""{"Operations":[{"op":"replace","value":{"display\u0000Name":"x"}}]}""")
                : Text($$"""{"{{nameAttribute}}":"valid-name","nick\u0000Name":"x"}"""),
            "nested 5,000 deep" => Wrapped(new string('[', 5_000) + new string(']', 5_000)),
            "nested 65 deep" => Wrapped(new string('[', 65) + new string(']', 65)),
            "duplicate member" => patch
                ? Text("""{"Operations":[{"op":"replace","op":"add","path":"displayName","value":"x"}]}""")
                : Text($$"""{"{{nameAttribute}}":"a","{{nameAttribute}}":"b"}"""),
            "duplicate member in another case" => patch
                ? Text("""{"Operations":[],"operations":[{"op":"replace","path":"displayName","value":"x"}]}""")
                : Text($$"""{"{{nameAttribute}}":"a","{{nameAttribute.ToUpperInvariant()}}":"b"}"""),
            "duplicate nested member" => Wrapped("""{"value":"a","Value":"b"}"""),
            "truncated" => Text(valid[..(valid.Length / 2)]),
            "trailing comma" => Text(valid[..^1] + ",}"),
            "comment" => Text("/* c */" + valid),
            "two documents" => Text(valid + valid),
            "single quotes" => Text(valid.Replace('"', '\'')),
            "byte order mark before broken JSON" => [0xEF, 0xBB, 0xBF, .. Text(valid[..^1])],
            "huge integer where a string goes" => Wrapped("99999999999999999999999"),
            "1e400 where a string goes" => patch
                ? Text("""{"Operations":[{"op":"replace","path":"displayName","value":1e400}]}""")
                : Text($$"""{"{{nameAttribute}}":1e400}"""),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }
}
