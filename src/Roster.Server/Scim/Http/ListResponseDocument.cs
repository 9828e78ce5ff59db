using System.Text.Json.Nodes;
using Roster.Scim.Listing;
using Roster.Scim.Schemas;

namespace Roster.Server.Scim.Http;

/// <summary>The ListResponse of RFC 7644 section 3.4.2, with RFC 9865 cursors when paging by cursor.</summary>
public static class ListResponseDocument
{
    public static JsonObject Create(ListQuery query, int totalResults, int startIndex, IReadOnlyList<JsonObject> resources, string? nextCursor, string? previousCursor)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(resources);
        var array = new JsonArray();
        foreach (var resource in resources)
        {
            array.Add(resource);
        }

        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.ListResponse),
            ["totalResults"] = totalResults,
            ["itemsPerPage"] = resources.Count,
        };
        if (query.Cursor is null)
        {
            body["startIndex"] = startIndex;
        }
        else
        {
            if (nextCursor is not null)
            {
                body["nextCursor"] = nextCursor;
            }

            if (previousCursor is not null)
            {
                body["previousCursor"] = previousCursor;
            }
        }

        body["Resources"] = array;
        return body;
    }
}
