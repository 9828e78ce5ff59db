using System.Text.Json.Nodes;

using Roster.Scim.Schemas;

namespace Roster.Scim.Resources;

/// <summary>
/// Writes a resource's <c>schemas</c> attribute from its content (RFC 7643 section 3): the core
/// schema, then each extension that holds data, with the URNs spelled as the schemas define
/// them. Extension objects left empty are removed.
/// </summary>
internal static class ResourceSchemas
{
    public static void Refresh(JsonObject resource, ResourceTypeDefinition resourceType)
    {
        var schemas = new JsonArray(resourceType.Schema.Id);
        foreach (var (extension, _) in resourceType.Extensions)
        {
            if (!ResourceProperties.TryGet(resource, extension.Id, out _, out var data))
            {
                continue;
            }

            if (data is JsonObject { Count: > 0 })
            {
                ResourceProperties.GetObject(resource, extension.Id, create: false);
                schemas.Add(extension.Id);
            }
            else
            {
                ResourceProperties.Remove(resource, extension.Id);
            }
        }

        if (ResourceProperties.TryGet(resource, "schemas", out _, out _))
        {
            ResourceProperties.Set(resource, "schemas", schemas);
        }
        else
        {
            resource.Insert(0, "schemas", schemas);
        }
    }
}
