using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Schemas;

namespace Roster.Scim.Resources;

/// <summary>
/// The mutability rules of PUT (RFC 7644 section 3.5.1) between a stored resource and a
/// normalised replacement: read-only attributes (<c>id</c>, <c>meta</c>, <c>groups</c>, ...)
/// keep their stored values whatever the body said; an immutable attribute that has a value
/// keeps it when the body omits it and may not change it (400 <c>mutability</c>); everything
/// else is replaced, so an attribute the body omits is cleared. Members of a Group are values
/// of <c>members</c>, not immutable attributes: a PUT may change them.
/// </summary>
public static class ResourceReplacement
{
    /// <summary>The document to store, or 400 <c>mutability</c>.</summary>
    /// <param name="stored">The stored resource.</param>
    /// <param name="normalizedBody">The PUT body after <see cref="ResourceNormalizer.Normalize"/>.</param>
    /// <param name="resourceType">The resource type.</param>
    public static ScimResult<JsonObject> Merge(JsonObject stored, JsonObject normalizedBody, ResourceTypeDefinition resourceType)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(normalizedBody);
        ArgumentNullException.ThrowIfNull(resourceType);

        var result = (JsonObject)normalizedBody.DeepClone();
        foreach (var schema in resourceType.AllSchemas)
        {
            var isCore = ReferenceEquals(schema, resourceType.Schema);
            var storedContainer = isCore ? stored : ResourceProperties.Get(stored, schema.Id) as JsonObject;
            if (storedContainer is null)
            {
                continue;
            }

            var attributes = isCore ? schema.Attributes.Concat(CommonAttributeDefinitions.All) : schema.Attributes;
            foreach (var attribute in attributes)
            {
                if (ResourceProperties.Get(storedContainer, attribute.Name) is not { } storedValue)
                {
                    continue;
                }

                var container = isCore ? result : ResourceProperties.GetObject(result, schema.Id, create: true)!;
                var replacement = ResourceProperties.Get(container, attribute.Name);
                var path = isCore ? attribute.Name : $"{schema.Id}:{attribute.Name}";
                switch (attribute.Mutability)
                {
                    case Mutability.ReadOnly:
                    case Mutability.Immutable when replacement is null:
                        ResourceProperties.Set(container, attribute.Name, storedValue.DeepClone());
                        break;
                    case Mutability.Immutable when !JsonNode.DeepEquals(storedValue, replacement):
                        return ScimError.Mutability($"'{path}' is immutable: a PUT may not change it once set.");
                    default:
                        break;
                }
            }
        }

        ResourceSchemas.Refresh(result, resourceType);
        PlaceIdentifiersFirst(result);
        return result;
    }

    /// <summary>Puts <c>id</c> right after <c>schemas</c> and <c>meta</c> last, as RFC 7643's examples show them.</summary>
    private static void PlaceIdentifiersFirst(JsonObject document)
    {
        if (ResourceProperties.TryGet(document, "id", out var idKey, out var id))
        {
            document.Remove(idKey);
            document.Insert(Math.Min(1, document.Count), "id", id);
        }

        if (ResourceProperties.TryGet(document, "meta", out var metaKey, out var meta))
        {
            document.Remove(metaKey);
            document["meta"] = meta;
        }
    }
}
