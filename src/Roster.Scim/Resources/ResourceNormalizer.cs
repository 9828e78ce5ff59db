using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Scim.Resources;

/// <summary>
/// Turns a POST or PUT body into the canonical document Roster stores: attributes of the
/// resource type only, spelled as the schemas spell them, values type-checked and coerced,
/// extension data under its URN, and a <c>schemas</c> list that matches the content. What IdPs
/// send that means nothing to the resource is dropped rather than rejected: nulls (RFC 7643
/// section 2.5: null is "unassigned"), read-only attributes (<c>id</c>, <c>meta</c>,
/// <c>groups</c>, which Okta and Entra ID echo back), unknown attributes and schema URNs.
/// <c>password</c> (write-only) is kept for storage to hash and drop.
/// </summary>
public static class ResourceNormalizer
{
    /// <summary>The canonical document, or a 400 <c>invalidValue</c> naming the attribute at fault.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="resourceType">The resource type of the endpoint.</param>
    /// <param name="mode">POST or PUT; both apply the same rules here (PUT's comparison with the stored resource is <see cref="ResourceReplacement.Merge"/>).</param>
    public static ScimResult<JsonObject> Normalize(JsonObject body, ResourceTypeDefinition resourceType, ResourceWriteMode mode)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(resourceType);
        try
        {
            var document = new JsonObject();
            foreach (var (name, value) in body)
            {
                AddMember(document, name, value, resourceType);
            }

            RequiredAttributes.Check(document, resourceType, mode);
            ResourceSchemas.Refresh(document, resourceType);
            return document;
        }
        catch (ScimException e)
        {
            return e.Error;
        }
    }

    private static void AddMember(JsonObject document, string name, JsonNode? value, ResourceTypeDefinition resourceType)
    {
        var key = AttributeKey.Classify(name, resourceType);
        switch (key.Kind)
        {
            case AttributeKeyKind.Schema:
                AddSchemaObject(document, key.Schema!, value, resourceType);
                break;
            case AttributeKeyKind.Attribute:
                // URN-qualified top-level members ("urn:...:enterprise:2.0:User:employeeNumber")
                // land here too and are moved under their extension's URN.
                Put(document, key.Resolution!, value, resourceType);
                break;
            default:
                break;
        }
    }

    private static void AddSchemaObject(JsonObject document, SchemaDefinition schema, JsonNode? value, ResourceTypeDefinition resourceType)
    {
        if (value is null)
        {
            return;
        }

        if (value is not JsonObject attributes)
        {
            throw new ScimException(ScimError.InvalidValue($"'{schema.Id}' must be an object of that schema's attributes."));
        }

        foreach (var (name, attributeValue) in attributes)
        {
            var local = AttributePathParser.Parse(name);
            if (local.IsSuccess && local.Value.SchemaUrn is null
                && resourceType.Resolve(local.Value with { SchemaUrn = schema.Id }) is { } resolution)
            {
                Put(document, resolution, attributeValue, resourceType);
            }
        }
    }

    private static void Put(JsonObject document, AttributeResolution resolution, JsonNode? value, ResourceTypeDefinition resourceType)
    {
        var attribute = resolution.Attribute;
        var sub = resolution.SubAttribute;
        if (attribute.Mutability == Mutability.ReadOnly || sub?.Mutability == Mutability.ReadOnly || (sub is not null && attribute.MultiValued))
        {
            return;
        }

        var isCore = resolution.IsCoreSchema(resourceType);
        var path = isCore ? attribute.Name : $"{resolution.Schema.Id}:{attribute.Name}";
        var conformed = sub is null
            ? AttributeValueConformer.Conform(value, attribute, path)
            : AttributeValueConformer.Conform(value, sub, $"{path}.{sub.Name}");
        if (conformed is null)
        {
            return;
        }

        var container = isCore ? document : ResourceProperties.GetObject(document, resolution.Schema.Id, create: true)!;
        if (sub is not null)
        {
            // A dotted member ("name.givenName") joins the complex value.
            ResourceProperties.GetObject(container, attribute.Name, create: true)![sub.Name] = conformed;
            return;
        }

        if (conformed is JsonObject fields && ResourceProperties.Get(container, attribute.Name) is JsonObject existing)
        {
            foreach (var (field, fieldValue) in fields.ToList())
            {
                fields.Remove(field);
                ResourceProperties.Set(existing, field, fieldValue);
            }

            return;
        }

        ResourceProperties.Set(container, attribute.Name, conformed);
    }
}
