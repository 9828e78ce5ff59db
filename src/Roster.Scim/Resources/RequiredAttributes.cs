using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Schemas;

namespace Roster.Scim.Resources;

/// <summary>
/// The <c>required</c> characteristic (RFC 7643 section 7) and required extensions (section 6):
/// a missing one is a 400 <c>invalidValue</c> that names it.
/// </summary>
internal static class RequiredAttributes
{
    public static void Check(JsonObject document, ResourceTypeDefinition resourceType, ResourceWriteMode mode) =>
        Check(document, resourceType, mode == ResourceWriteMode.Create ? "POST body" : "PUT body");

    /// <summary>Throws 400 <c>invalidValue</c> naming the first required attribute or extension <paramref name="document"/> lacks.</summary>
    /// <param name="document">The resource.</param>
    /// <param name="resourceType">Its resource type.</param>
    /// <param name="request">Where the document comes from, for the detail (e.g. "POST body").</param>
    public static void Check(JsonObject document, ResourceTypeDefinition resourceType, string request)
    {
        CheckSchema(document, resourceType.Schema, resourceType.Schema.Id, resourceType, request);
        foreach (var (extension, required) in resourceType.Extensions)
        {
            if (ResourceProperties.Get(document, extension.Id) is JsonObject data)
            {
                CheckSchema(data, extension, extension.Id, resourceType, request);
            }
            else if (required)
            {
                throw new ScimException(ScimError.InvalidValue(
                    $"A {resourceType.Name} needs the extension '{extension.Id}' ({request})."));
            }
        }
    }

    private static void CheckSchema(JsonObject container, SchemaDefinition schema, string schemaId, ResourceTypeDefinition resourceType, string request)
    {
        foreach (var attribute in schema.Attributes)
        {
            var value = ResourceProperties.Get(container, attribute.Name);
            var path = ReferenceEquals(schema, resourceType.Schema) ? attribute.Name : $"{schemaId}:{attribute.Name}";
            if (value is null)
            {
                if (attribute.Required && attribute.Mutability != Mutability.ReadOnly)
                {
                    throw new ScimException(ScimError.InvalidValue(
                        $"'{path}' is required: a {resourceType.Name} must have a non-empty '{attribute.Name}' ({request})."));
                }

                continue;
            }

            IEnumerable<JsonNode?> values = value is JsonArray array ? array : new[] { value };
            foreach (var element in values.OfType<JsonObject>())
            {
                foreach (var sub in attribute.SubAttributes.Where(s => s.Required && s.Mutability != Mutability.ReadOnly))
                {
                    if (ResourceProperties.Get(element, sub.Name) is null)
                    {
                        throw new ScimException(ScimError.InvalidValue($"'{path}.{sub.Name}' is required in every value of '{path}' ({request})."));
                    }
                }
            }
        }
    }
}
