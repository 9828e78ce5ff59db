namespace Roster.Scim.Schemas;

/// <summary>A SCIM schema (RFC 7643 section 7): its URN, name and attributes.</summary>
public sealed record SchemaDefinition
{
    /// <summary>The schema URN, e.g. <c>urn:ietf:params:scim:schemas:core:2.0:User</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

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
