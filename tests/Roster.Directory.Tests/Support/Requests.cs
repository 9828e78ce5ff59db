using System.Text.Json.Nodes;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Listing;
using Roster.Scim.Patching;

namespace Roster.Directory.Tests.Support;

/// <summary>Shorthands for the requests tests make, parsed by the protocol core as the server would.</summary>
public static class Requests
{
    public static FilterNode Filter(string text) => FilterParser.Parse(text).GetValueOrThrow();

    public static ListQuery Query(string? filter = null, int count = 100, string? sortBy = null, SortOrder order = SortOrder.Ascending, int startIndex = 1, string? cursor = null, bool includeMembers = true) => new()
    {
        Filter = filter is null ? null : Filter(filter),
        SortBy = sortBy is null ? null : AttributePathParser.Parse(sortBy).GetValueOrThrow(),
        SortOrder = order,
        StartIndex = startIndex,
        Count = count,
        Cursor = cursor,
        IncludeMembers = includeMembers,
    };

    /// <summary>PATCH operations from the JSON of a PatchOp body's <c>Operations</c>.</summary>
    public static IReadOnlyList<PatchOperation> Patch(string operationsJson) =>
        PatchRequestReader.Read(new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
            ["Operations"] = JsonNode.Parse(operationsJson),
        }).GetValueOrThrow();

    public static IReadOnlyList<PatchOperation> AddMembers(params string[] ids) =>
        Patch(new JsonArray(new JsonObject
        {
            ["op"] = "add",
            ["path"] = "members",
            ["value"] = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["value"] = id })]),
        }).ToJsonString());

    public static T Ok<T>(this ScimResult<T> result) =>
        result.IsSuccess ? result.Value : throw new Xunit.Sdk.XunitException($"Expected success, got {(int)result.Error.Status} {result.Error.ScimType}: {result.Error.Detail}");

    public static ScimError Failed<T>(this ScimResult<T> result) =>
        result.IsSuccess ? throw new Xunit.Sdk.XunitException("Expected a SCIM error, got success.") : result.Error;

    public static string Text(this StoredResource resource, string attribute) => resource.Document[attribute]!.GetValue<string>();
}
