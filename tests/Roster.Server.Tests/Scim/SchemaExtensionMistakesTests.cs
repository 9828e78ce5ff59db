using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Scim;

/// <summary>
/// A definition with several mistakes is refused with all of them in one ProblemDetails, each
/// under the field it is about (a path into the request such as <c>schema.attributes[2].type</c>),
/// so that an administrator fixes everything in one round; the list is bounded whatever the
/// document holds, and nothing is stored.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SchemaExtensionMistakesTests(RosterServerFixture server)
{
    private const string Urn = "urn:example:roster:schemas:extension:mistakes:2.0:User";

    [Fact]
    public async Task Three_mistakes_are_reported_together_each_under_its_field_and_nothing_is_stored()
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        var schema = Schema(
            new JsonObject { ["name"] = "costCode", ["type"] = "money" },
            new JsonObject { ["name"] = "level", ["type"] = "integer", ["canonicalValues"] = new JsonArray("1", "2") },
            new JsonObject { ["name"] = "1badge", ["type"] = "string" },
            new JsonObject { ["name"] = "fine", ["type"] = "string" });

        var response = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema });
        var problem = await response.ReadObjectAsync();
        var listed = await (await admin.Http.GetAsync("scim/schema-extensions")).Content.ReadFromJsonAsync<JsonArray>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(
            ["schema.attributes[0].type", "schema.attributes[1].canonicalValues", "schema.attributes[2].name"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("'type' of 'costCode'", Message(errors, "schema.attributes[0].type"), StringComparison.Ordinal);
        Assert.Contains("'level' lists canonical values", Message(errors, "schema.attributes[1].canonicalValues"), StringComparison.Ordinal);
        Assert.Contains("'1badge' is not an attribute name", Message(errors, "schema.attributes[2].name"), StringComparison.Ordinal);
        Assert.Equal(Message(errors, "schema.attributes[0].type"), problem["detail"]!.GetValue<string>());
        Assert.Empty(listed!);
    }

    [Fact]
    public async Task A_change_reports_its_mistakes_together_too_and_the_stored_definition_stays()
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        var created = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema = Schema(new JsonObject { ["name"] = "costCode", ["type"] = "string" }) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.ReadObjectAsync())["id"]!.GetValue<string>();
        var schema = Schema(
            new JsonObject { ["name"] = "costCode", ["type"] = "string", ["mutability"] = "writeOnly" },
            new JsonObject { ["name"] = "clearance", ["type"] = "complex", ["subAttributes"] = new JsonArray(new JsonObject { ["name"] = "level", ["type"] = "complex" }) });
        schema["description"] = 5;

        var response = await admin.Http.PutAsJsonAsync($"scim/schema-extensions/{id}", new { resourceType = "Device", schema });
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        var stored = await (await admin.Http.GetAsync($"scim/schema-extensions/{id}")).ReadObjectAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["resourceType", "schema.attributes[0].returned", "schema.attributes[1].subAttributes[0].type", "schema.description"],
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(1, stored["version"]!.GetValue<long>());
        Assert.Single(stored["schema"]!["attributes"]!.AsArray());
    }

    [Fact]
    public async Task One_mistake_keeps_the_single_error_shape()
    {
        var admin = await server.CreateAdminAsync("scim.manage");
        var schema = Schema(new JsonObject { ["name"] = "costCode", ["type"] = "string", ["required"] = "yes" });

        var response = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema });
        var problem = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var only = Assert.Single(problem["errors"]!.AsObject());
        Assert.Equal("schema.attributes[0].required", only.Key);
        Assert.Equal(problem["detail"]!.GetValue<string>(), Assert.Single(only.Value!.AsArray())!.GetValue<string>());
        Assert.Equal("'required' of 'costCode' must be true or false.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_document_full_of_mistakes_gets_a_bounded_answer()
    {
        var admin = await server.CreateAdminAsync("scim.manage");

        // 100 attributes (the most allowed), each with four mistakes and fifty bad sub-attributes.
        var hostile = Schema([.. Enumerable.Range(0, 100).Select(i => new JsonObject
        {
            ["name"] = $"{i}x",
            ["type"] = "complex",
            ["multiValued"] = "no",
            ["uniqueness"] = "server",
            ["subAttributes"] = new JsonArray([.. Enumerable.Range(0, 50).Select(j => (JsonNode)new JsonObject { ["name"] = $"{j}y", ["type"] = "none" })]),
        })]);

        var response = await admin.Http.PostAsJsonAsync("scim/schema-extensions", new { resourceType = "User", schema = hostile });
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(50, errors.Sum(e => e.Value!.AsArray().Count));
        Assert.Contains("schema.attributes[0].name", errors.Select(e => e.Key));
    }

    private static JsonObject Schema(params JsonObject[] attributes) => new()
    {
        ["id"] = Urn,
        ["name"] = "Mistakes",
        ["attributes"] = new JsonArray([.. attributes.Cast<JsonNode>()]),
    };

    private static string Message(JsonObject errors, string field) => Assert.Single(errors[field]!.AsArray())!.GetValue<string>();
}
