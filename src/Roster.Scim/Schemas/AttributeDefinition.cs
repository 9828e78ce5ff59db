namespace Roster.Scim.Schemas;

/// <summary>One attribute of a SCIM schema with its characteristics (RFC 7643 section 7).</summary>
public sealed record AttributeDefinition
{
    /// <summary>The attribute's name as the schema spells it (lookups ignore case).</summary>
    public required string Name { get; init; }

    public required AttributeType Type { get; init; }

    public bool MultiValued { get; init; }

    public string Description { get; init; } = "";

    public bool Required { get; init; }

    /// <summary>Whether string comparisons (filters, uniqueness) respect case.</summary>
    public bool CaseExact { get; init; }

    public Mutability Mutability { get; init; } = Mutability.ReadWrite;

    public Returned Returned { get; init; } = Returned.Default;

    public Uniqueness Uniqueness { get; init; } = Uniqueness.None;

    public IReadOnlyList<string> CanonicalValues { get; init; } = [];

    /// <summary>
    /// True when a value must be one of <see cref="CanonicalValues"/> (compared as
    /// <see cref="CaseExact"/> says). RFC 7643 makes canonical values suggestions, and the core
    /// schemas keep them so (Entra ID and Okta send types of their own); a tenant that lists them
    /// for an attribute of its own extension means them as the only values.
    /// </summary>
    public bool CanonicalValuesEnforced { get; init; }

    public IReadOnlyList<string> ReferenceTypes { get; init; } = [];

    /// <summary>Sub-attributes of a complex attribute; empty otherwise.</summary>
    public IReadOnlyList<AttributeDefinition> SubAttributes { get; init; } = [];

    /// <summary>Finds a sub-attribute by name, ignoring case.</summary>
    public AttributeDefinition? FindSubAttribute(string name)
    {
        foreach (var sub in SubAttributes)
        {
            if (string.Equals(sub.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return sub;
            }
        }

        return null;
    }
}
