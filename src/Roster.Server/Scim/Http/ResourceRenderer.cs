using System.Text.Json.Nodes;
using Roster.Directory.Resources;
using Roster.Scim.Projection;
using Roster.Scim.Schemas;

namespace Roster.Server.Scim.Http;

/// <summary>
/// Turns a stored resource into the response document: completes <c>meta</c> (location,
/// version) and the <c>$ref</c> of members and groups for this request's base URL, then applies
/// the requested projection.
/// </summary>
public sealed class ResourceRenderer(ScimUrls urls)
{
    public JsonObject Render(HttpRequest request, StoredResource resource, ResourceTypeDefinition type, AttributeProjection projection)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(projection);
        var scimBase = urls.ScimBase(request);
        var document = resource.Document.DeepClone().AsObject();
        if (document["meta"] is not JsonObject meta)
        {
            meta = new JsonObject { ["resourceType"] = type.Name };
            document["meta"] = meta;
        }

        meta["location"] = $"{scimBase}{type.Endpoint}/{resource.Id}";
        meta["version"] = EntityTag.Format(resource.Version);
        AddReferences(document["members"], scimBase);
        AddReferences(document["groups"], scimBase, defaultEndpoint: "/Groups");
        return projection.Apply(document, type);
    }

    public string Location(HttpRequest request, StoredResource resource, ResourceTypeDefinition type)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(type);
        return $"{urls.ScimBase(request)}{type.Endpoint}/{resource.Id}";
    }

    private static void AddReferences(JsonNode? values, string scimBase, string? defaultEndpoint = null)
    {
        if (values is not JsonArray array)
        {
            return;
        }

        foreach (var element in array)
        {
            if (element is not JsonObject item || item["value"]?.GetValue<string>() is not { } id)
            {
                continue;
            }

            var type = item["type"]?.GetValue<string>();
            var endpoint = defaultEndpoint
                ?? (string.Equals(type, "Group", StringComparison.OrdinalIgnoreCase) ? "/Groups" : "/Users");
            item["$ref"] = $"{scimBase}{endpoint}/{id}";
        }
    }
}
