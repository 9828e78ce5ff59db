using System.Net;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Replays;

/// <summary>
/// Requests real clients send that RFC 7644's grammar does not allow, replayed over HTTP
/// (docs/compatibility.md): Entra ID's matching query with a sub-attribute after ']', an
/// extension PATCH value that carries its own <c>schemas</c>, and a value filter in <c>attributes</c>.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class LenientClientReplayTests(RosterServerFixture server)
{
    private const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    [Fact]
    public async Task Entra_matching_query_with_a_sub_attribute_after_the_brackets_finds_the_work_email_only()
    {
        var tenant = await server.CreateTenantAsync();
        await tenant.Scim.CreateUserAsync("work.match@example.com", """ "emails":[{"value":"x@example.com","type":"work"}]""");
        await tenant.Scim.CreateUserAsync("home.match@example.com", """ "emails":[{"value":"x@example.com","type":"home"}]""");

        var response = await tenant.Scim.GetAsync("Users?filter=" + Uri.EscapeDataString("emails[type eq \"work\"].value eq \"x@example.com\""));
        var page = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["work.match@example.com"], page["Resources"]!.AsArray().Select(r => r!["userName"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("add")]
    [InlineData("replace")]
    public async Task Patch_of_an_extension_by_its_urn_ignores_a_schemas_key_in_the_value(string op)
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync("ext.schemas@example.com", $$""" "{{Enterprise}}":{"department":"Sales"}""");

        var response = await tenant.Scim.PatchAsync($"Users/{user.Id()}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"{{op}}","path":"{{Enterprise}}",
             "value":{"schemas":["{{Enterprise}}"],"department":"Marketing","division":"EMEA"} } ] }
            """);
        var read = await (await tenant.Scim.GetAsync($"Users/{user.Id()}")).ReadObjectAsync();

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("Marketing", read[Enterprise]!["department"]!.GetValue<string>());
        Assert.Equal("EMEA", read[Enterprise]!["division"]!.GetValue<string>());
        Assert.Null(read[Enterprise]!["schemas"]);
    }

    [Fact]
    public async Task A_value_filter_in_attributes_returns_the_whole_attribute()
    {
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync(
            "attr.filter@example.com", """ "emails":[{"value":"w@example.com","type":"work"},{"value":"h@example.com","type":"home"}]""");

        var response = await tenant.Scim.GetAsync($"Users/{user.Id()}?attributes=" + Uri.EscapeDataString("emails[type eq \"work\"]"));
        var malformed = await tenant.Scim.GetAsync($"Users/{user.Id()}?attributes=" + Uri.EscapeDataString("emails[type eq \"work\""));
        var read = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, read["emails"]!.AsArray().Count);
        Assert.Null(read["userName"]);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("invalidValue", (await malformed.ReadObjectAsync())["scimType"]!.GetValue<string>());
    }
}
