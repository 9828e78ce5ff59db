using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Patching;

namespace Roster.Scim.Tests.Patching;

public sealed class PatchRequestReaderTests
{
    private static JsonObject Body(int operations)
    {
        var list = new JsonArray();
        for (var i = 0; i < operations; i++)
        {
            list.Add(new JsonObject { ["op"] = "replace", ["path"] = "title", ["value"] = "Guide" });
        }

        return new JsonObject { ["Operations"] = list };
    }

    [Fact]
    public void Reads_operations_in_order_with_parsed_paths()
    {
        var body = JsonNode.Parse("""
            {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [
              {"op": "Add", "path": "emails[type eq \"work\"].value", "value": "x@y.example"},
              {"op": "remove", "path": "nickName"},
              {"op": "replace", "value": {"active": false}}]}
            """);
        var operations = PatchRequestReader.Read(body).GetValueOrThrow();

        Assert.Equal([PatchOperationType.Add, PatchOperationType.Remove, PatchOperationType.Replace], operations.Select(o => o.Type));
        Assert.Equal("emails", operations[0].Path!.Attribute.Name);
        Assert.Equal("value", operations[0].Path!.SubAttribute);
        Assert.Null(operations[1].Value);
        Assert.Null(operations[2].Path);
    }

    [Fact]
    public void Operation_values_are_detached_from_the_request_body()
    {
        var body = JsonNode.Parse("""{"Operations": [{"op": "replace", "value": {"active": false}}]}""")!;
        var operation = PatchRequestReader.Read(body).GetValueOrThrow()[0];

        Assert.NotNull(operation.Value);
        Assert.Null(operation.Value.Parent);
        body["Operations"]![0]!["value"]!["active"] = true;
        Assert.False(operation.Value["active"]!.GetValue<bool>());
    }

    [Fact]
    public void Explicit_null_value_is_kept_as_null()
    {
        var operation = PatchRequestReader.Read(JsonNode.Parse("""{"Operations": [{"op": "replace", "path": "title", "value": null}]}""")).GetValueOrThrow()[0];
        Assert.Null(operation.Value);
    }

    [Fact]
    public void Up_to_the_maximum_number_of_operations_is_accepted() =>
        Assert.Equal(5, PatchRequestReader.Read(Body(5), maxOperations: 5).GetValueOrThrow().Count);

    [Fact]
    public void More_operations_than_the_maximum_is_413_as_for_bulk_max_operations()
    {
        var result = PatchRequestReader.Read(Body(6), maxOperations: 5);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, result.Error!.Status);
        Assert.Null(result.Error.ScimType);
        Assert.Contains("at most 5 per request", result.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_maximum_is_one_thousand_operations()
    {
        Assert.True(PatchRequestReader.Read(Body(1000)).IsSuccess);
        Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, PatchRequestReader.Read(Body(1001)).Error!.Status);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"Operations\"")]
    [InlineData("""{"Operations": {"op": "add"}}""")]
    public void Body_that_is_not_a_patch_request_is_invalid_syntax(string json) =>
        Assert.Equal(ScimErrorTypes.InvalidSyntax, PatchRequestReader.Read(JsonNode.Parse(json)).Error!.ScimType);
}
