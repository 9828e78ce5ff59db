namespace Roster.Scim.Schemas;

/// <summary>A SCIM schema (RFC 7643 section 7): its URN, name and attributes.</summary>
public sealed record SchemaDefinition
{
    /// <summary>The schema URN, e.g. <c>urn:ietf:params:scim:schemas:core:2.0:User</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The schema's human-readable name, e.g. <c>User</c> (RFC 7643 section 7 <c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The schema's human-readable description (RFC 7643 section 7 <c>description</c>).</summary>
    public string Description { get; init; } = "";

    /// <summary>The schema's top-level attributes; the common attributes of RFC 7643 section 3.1 are not among them.</summary>
    public required IReadOnlyList<AttributeDefinition> Attributes { get; init; }

    /// <summary>Finds a top-level attribute by name, ignoring case.</summary>
    public AttributeDefinition? FindAttribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (string.Equals(attribute.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attribute;
            }
        }

        return null;
    }
}
