using System.Text.Json.Nodes;

using Roster.Scim.Schemas;

namespace Roster.Scim.Discovery;

/// <summary>Renders a <see cref="ResourceTypeDefinition"/> as the <c>/ResourceTypes</c> resource of RFC 7643 section 6.</summary>
public static class ResourceTypeDocumentWriter
{
    /// <summary>The resource type resource, e.g. for <c>GET /ResourceTypes/User</c>; its id is its name.</summary>
    /// <param name="resourceType">The resource type to describe.</param>
    /// <param name="baseUrl">The SCIM base URL, e.g. <c>https://roster.example/scim/v2/{orgId}</c>.</param>
    public static JsonObject Write(ResourceTypeDefinition resourceType, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        var json = new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.ResourceType),
            ["id"] = resourceType.Name,
            ["name"] = resourceType.Name,
            ["endpoint"] = resourceType.Endpoint,
            ["description"] = resourceType.Description,
            ["schema"] = resourceType.Schema.Id,
        };
        if (resourceType.Extensions.Count > 0)
        {
            json["schemaExtensions"] = new JsonArray(
            [
                .. resourceType.Extensions.Select(e => new JsonObject { ["schema"] = e.Schema.Id, ["required"] = e.Required }),
            ]);
        }

        json["meta"] = new JsonObject
        {
            ["resourceType"] = "ResourceType",
            ["location"] = DiscoveryLocation.Of(baseUrl, $"ResourceTypes/{resourceType.Name}"),
        };
        return json;
    }
}
