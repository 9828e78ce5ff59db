using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Bulk;

/// <summary>
/// Reads a BulkRequest body (RFC 7644 section 3.7). The operations are counted first, by a
/// forward-only read of the bytes, so a request over <c>maxOperations</c> is a 413 (section
/// 3.7.4) before any of it becomes a JSON tree. A request whose shape is wrong (no
/// <c>Operations</c> array, a bad <c>failOnErrors</c>) is a 400; an operation whose own fields are
/// wrong keeps its place and is answered with its error, as the others run.
/// </summary>
public static class BulkRequestReader
{
    /// <summary>The request, or the 400 or 413 that refuses it whole.</summary>
    /// <param name="body">The request body's bytes.</param>
    /// <param name="maxOperations">The most operations a request may carry.</param>
    /// <param name="maxDepth">How deeply objects and arrays may nest.</param>
    public static ScimResult<BulkRequest> Read(ReadOnlySpan<byte> body, int maxOperations, int maxDepth)
    {
        var counted = CountOperations(body, maxOperations);
        if (counted is not null)
        {
            return counted;
        }

        var parsed = RequestBodyParser.Parse(body, maxDepth);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var json = parsed.Value;
        if (!HasSchema(json))
        {
            return ScimError.InvalidSyntax($"A bulk request must list the schema '{SchemaUris.BulkRequest}' in \"schemas\".");
        }

        int? failOnErrors = null;
        if (Member(json, "failOnErrors") is { } fail)
        {
            if (fail is not JsonValue v || !v.TryGetValue<int>(out var n) || n < 1)
            {
                return ScimError.InvalidValue("\"failOnErrors\" must be a whole number of at least 1: how many errors end the request.");
            }

            failOnErrors = n;
        }

        if (Member(json, "Operations") is not JsonArray operations)
        {
            return ScimError.InvalidSyntax("A bulk request needs \"Operations\", an array of operations (method, path, bulkId, version, data).");
        }

        var read = new List<BulkOperation>(operations.Count);
        var bulkIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = ReadOperation(i, operations[i]);
            if (operation.BulkId is { } bulkId && !bulkIds.Add(bulkId) && operation.Invalid is null)
            {
                operation = operation with { Invalid = ScimError.InvalidValue($"The bulkId '{bulkId}' is used by an earlier operation; each bulkId must be unique within the request.") };
            }

            read.Add(operation);
        }

        return new BulkRequest(failOnErrors, read);
    }

    private static BulkOperation ReadOperation(int index, JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            return Invalid(index, "?", null, "", "Each element of \"Operations\" must be an object with \"method\" and \"path\".");
        }

        var method = Text(o, "method")?.ToUpperInvariant() ?? "";
        var bulkId = Text(o, "bulkId");
        var version = Text(o, "version");
        var path = Text(o, "path") ?? "";
        var data = Member(o, "data");
        if (method is not ("POST" or "PUT" or "PATCH" or "DELETE"))
        {
            return Invalid(index, method, bulkId, path, $"Operation {Place(index)}: \"method\" must be POST, PUT, PATCH or DELETE, not '{method}'.");
        }

        if (path.Length == 0 || path[0] != '/')
        {
            return Invalid(index, method, bulkId, path, $"Operation {Place(index)}: \"path\" must be the resource's path relative to the base URL, such as /Users or /Groups/{{id}}.");
        }

        if (method == "POST" && string.IsNullOrEmpty(bulkId))
        {
            return Invalid(index, method, bulkId, path, $"Operation {Place(index)}: a POST needs a \"bulkId\" (RFC 7644 section 3.7), so its result can be told apart and referred to.");
        }

        if (bulkId is not null && (bulkId.Length == 0 || bulkId.Length > 256))
        {
            return Invalid(index, method, bulkId, path, $"Operation {Place(index)}: \"bulkId\" must be 1 to 256 characters.");
        }

        if (method == "DELETE")
        {
            return new BulkOperation(index, method, bulkId, version, path, null) { References = BulkIdReferences.Find(path, null) };
        }

        if (data is not JsonObject)
        {
            return Invalid(index, method, bulkId, path, $"Operation {Place(index)}: a {method} needs \"data\", the JSON object its own request would carry.");
        }

        // Detached from the request's tree, so the operation's use case may take it as its own body.
        var body = (JsonObject)data!;
        o.Remove(o.First(p => ReferenceEquals(p.Value, body)).Key);
        return new BulkOperation(index, method, bulkId, version, path, body)
        {
            References = BulkIdReferences.Find(path, body),
        };
    }

    private static BulkOperation Invalid(int index, string method, string? bulkId, string path, string detail) =>
        new(index, method, bulkId, null, path, null, ScimError.InvalidSyntax(detail));

    private static string Place(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    private static bool HasSchema(JsonObject json) =>
        Member(json, "schemas") is JsonArray schemas
        && schemas.Any(s => s is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.Equals(v.GetValue<string>(), SchemaUris.BulkRequest, StringComparison.OrdinalIgnoreCase));

    /// <summary>A member by name ignoring case: SCIM attribute names are case-insensitive (RFC 7643 section 2.1).</summary>
    private static JsonNode? Member(JsonObject json, string name) =>
        json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonObject json, string name) =>
        Member(json, name) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>
    /// Counts the elements of the top-level <c>Operations</c> array without building anything and
    /// stops at the first one over <paramref name="maxOperations"/>. A body that is not JSON is left
    /// to the parser, which says where it is wrong.
    /// </summary>
    private static ScimError? CountOperations(ReadOnlySpan<byte> body, int maxOperations)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = RequestBodyParser.MaxDepth });
        try
        {
            var inOperations = false;
            var count = 0;
            while (reader.Read())
            {
                if (!inOperations)
                {
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1
                        && string.Equals(reader.GetString(), "Operations", StringComparison.OrdinalIgnoreCase))
                    {
                        reader.Read();
                        inOperations = reader.TokenType == JsonTokenType.StartArray;
                    }

                    continue;
                }

                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.EndArray)
                {
                    return null;
                }

                if (reader.CurrentDepth == 2 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.String
                    or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null && ++count > maxOperations)
                {
                    return ScimError.PayloadTooLarge(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The bulk request has more than {maxOperations:N0} operations, the maxOperations of /ServiceProviderConfig (RFC 7644 section 3.7.4); send them in several requests."));
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
