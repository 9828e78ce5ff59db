namespace Roster.Scim.Schemas;

/// <summary>
/// A SCIM resource type (RFC 7643 section 6) with its core schema and extensions, and the
/// resolution of attribute paths against them.
/// </summary>
public sealed record ResourceTypeDefinition
{
    /// <summary>The resource type's name, e.g. <c>User</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The endpoint relative to the base URL, e.g. <c>/Users</c>.</summary>
    public required string Endpoint { get; init; }

    /// <summary>The resource type's human-readable description (RFC 7643 section 6 <c>description</c>).</summary>
    public string Description { get; init; } = "";

    /// <summary>The resource type's core schema (RFC 7643 section 6 <c>schema</c>), e.g. the User schema for <c>/Users</c>.</summary>
    public required SchemaDefinition Schema { get; init; }

    /// <summary>Schema extensions and whether each is required.</summary>
    public IReadOnlyList<(SchemaDefinition Schema, bool Required)> Extensions { get; init; } = [];

    /// <summary>The core schema followed by every extension schema.</summary>
    public IEnumerable<SchemaDefinition> AllSchemas
    {
        get
        {
            yield return Schema;
            foreach (var (schema, _) in Extensions)
            {
                yield return schema;
            }
        }
    }

    /// <summary>Finds a schema of this resource type by URN, ignoring case.</summary>
    public SchemaDefinition? FindSchema(string urn) =>
        AllSchemas.FirstOrDefault(s => string.Equals(s.Id, urn, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Resolves an attribute path to its definition: the top-level attribute (in the schema the
    /// URN names, else the core schema, whose lookups include the common attributes <c>id</c>,
    /// <c>externalId</c> and <c>meta</c>) and, when the path names one, the sub-attribute. Null
    /// when the schema does not define it.
    /// </summary>
    public AttributeResolution? Resolve(Filtering.AttributePath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var schema = path.SchemaUrn is null ? Schema : FindSchema(path.SchemaUrn);
        var attribute = schema?.FindAttribute(path.Name);

        // RFC 7643 section 3.1: the common attributes belong to every resource, not to a schema.
        if (attribute is null && ReferenceEquals(schema, Schema))
        {
            attribute = CommonAttributeDefinitions.Find(path.Name);
        }

        if (schema is null || attribute is null)
        {
            return null;
        }

        if (path.SubAttribute is null)
        {
            return new AttributeResolution(schema, attribute, null);
        }

        var sub = attribute.FindSubAttribute(path.SubAttribute);
        return sub is null ? null : new AttributeResolution(schema, attribute, sub);
    }
}

/// <summary>An attribute path resolved against a resource type's schemas.</summary>
/// <param name="Schema">The schema that defines the attribute.</param>
/// <param name="Attribute">The top-level attribute.</param>
/// <param name="SubAttribute">The sub-attribute, when the path names one.</param>
public sealed record AttributeResolution(SchemaDefinition Schema, AttributeDefinition Attribute, AttributeDefinition? SubAttribute)
{
    /// <summary>The innermost definition: the sub-attribute if any, else the attribute.</summary>
    public AttributeDefinition Target => SubAttribute ?? Attribute;

    /// <summary>True when the schema is an extension rather than the resource type's core schema.</summary>
    public bool IsCoreSchema(ResourceTypeDefinition resourceType) =>
        ReferenceEquals(Schema, resourceType?.Schema);
}
