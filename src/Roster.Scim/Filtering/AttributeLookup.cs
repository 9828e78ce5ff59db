using System.Text.Json.Nodes;
using Roster.Scim.Schemas;

namespace Roster.Scim.Filtering;

/// <summary>
/// Finds where an attribute lives: its definition in the resource type's schemas and the JSON
/// object that holds it. Core attributes sit at the top of the document; an extension's sit in
/// an object keyed by the extension's URN (RFC 7643 section 3.3).
/// </summary>
internal static class AttributeLookup
{
    /// <summary>
    /// The definition of the top-level attribute <paramref name="name"/> in the schema that
    /// <paramref name="schemaUrn"/> names (the core schema when null), falling back to the common
    /// attributes for the core schema; null when neither defines it.
    /// </summary>
    public static AttributeDefinition? Find(ResourceTypeDefinition resourceType, string? schemaUrn, string name)
    {
        var schema = schemaUrn is null ? resourceType.Schema : resourceType.FindSchema(schemaUrn);
        if (schema is null)
        {
            return null;
        }

        return schema.FindAttribute(name)
            ?? (IsCore(resourceType, schema.Id) ? CommonAttributeDefinitions.Find(name) : null);
    }

    /// <summary>
    /// The object holding the attributes of the schema <paramref name="schemaUrn"/> names: the
    /// resource itself for the core schema (or no URN), else the extension object, looked up even
    /// when the resource type does not declare the extension.
    /// </summary>
    public static JsonObject? Container(JsonObject resource, ResourceTypeDefinition resourceType, string? schemaUrn) =>
        schemaUrn is null || IsCore(resourceType, schemaUrn)
            ? resource
            : ScimJson.Property(resource, schemaUrn) as JsonObject;

    /// <summary>True when <paramref name="schemaUrn"/> is the resource type's core schema.</summary>
    public static bool IsCore(ResourceTypeDefinition resourceType, string schemaUrn) =>
        string.Equals(schemaUrn, resourceType.Schema.Id, StringComparison.OrdinalIgnoreCase);
}
