using System.Text.Json.Nodes;

using Roster.Scim.Schemas;

namespace Roster.Scim.Discovery;

/// <summary>
/// Renders a <see cref="SchemaDefinition"/> as the <c>/Schemas</c> resource of RFC 7643
/// section 7: every attribute with all its characteristics, sub-attributes nested, and a
/// <c>meta</c> whose location is built from the base URL.
/// </summary>
public static class SchemaDocumentWriter
{
    /// <summary>The schema resource, e.g. for <c>GET /Schemas/urn:ietf:params:scim:schemas:core:2.0:User</c>.</summary>
    /// <param name="schema">The schema to describe.</param>
    /// <param name="baseUrl">The SCIM base URL, e.g. <c>https://roster.example/scim/v2/{orgId}</c>.</param>
    public static JsonObject Write(SchemaDefinition schema, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.Schema),
            ["id"] = schema.Id,
            ["name"] = schema.Name,
            ["description"] = schema.Description,
            ["attributes"] = new JsonArray([.. schema.Attributes.Select(WriteAttribute)]),
            ["meta"] = new JsonObject
            {
                ["resourceType"] = "Schema",
                ["location"] = DiscoveryLocation.Of(baseUrl, $"Schemas/{schema.Id}"),
            },
        };
    }

    /// <summary>One attribute definition with every characteristic, as in RFC 7643 section 8.7.1.</summary>
    public static JsonObject WriteAttribute(AttributeDefinition attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        var json = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = CharacteristicNames.Of(attribute.Type),
            ["multiValued"] = attribute.MultiValued,
            ["description"] = attribute.Description,
            ["required"] = attribute.Required,
            ["caseExact"] = attribute.CaseExact,
        };
        if (attribute.CanonicalValues.Count > 0)
        {
            json["canonicalValues"] = new JsonArray([.. attribute.CanonicalValues.Select(v => (JsonNode)v)]);
        }

        if (attribute.Type == AttributeType.Reference)
        {
            json["referenceTypes"] = new JsonArray([.. attribute.ReferenceTypes.Select(v => (JsonNode)v)]);
        }

        if (attribute.Type == AttributeType.Complex)
        {
            json["subAttributes"] = new JsonArray([.. attribute.SubAttributes.Select(WriteAttribute)]);
        }

        json["mutability"] = CharacteristicNames.Of(attribute.Mutability);
        json["returned"] = CharacteristicNames.Of(attribute.Returned);
        json["uniqueness"] = CharacteristicNames.Of(attribute.Uniqueness);
        return json;
    }
}
