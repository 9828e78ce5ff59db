namespace Roster.Scim.Schemas;

/// <summary>One attribute of a SCIM schema with its characteristics (RFC 7643 section 7).</summary>
public sealed record AttributeDefinition
{
    /// <summary>The attribute's name as the schema spells it (lookups ignore case).</summary>
    public required string Name { get; init; }

    /// <summary>The attribute's data type (RFC 7643 section 2.3), which decides how values are validated and compared.</summary>
    public required AttributeType Type { get; init; }

    /// <summary>Whether the attribute holds an array of values (RFC 7643 section 2.4).</summary>
    public bool MultiValued { get; init; }

    /// <summary>The human-readable description published in the schema document (RFC 7643 section 7).</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether a resource must carry a value for this attribute (RFC 7643 section 7 <c>required</c>).</summary>
    public bool Required { get; init; }

    /// <summary>Whether string comparisons (filters, uniqueness) respect case.</summary>
    public bool CaseExact { get; init; }

    /// <summary>Whether and when clients may write the attribute (RFC 7643 section 7 <c>mutability</c>).</summary>
    public Mutability Mutability { get; init; } = Mutability.ReadWrite;

    /// <summary>When the attribute appears in responses (RFC 7643 section 7 <c>returned</c>).</summary>
    public Returned Returned { get; init; } = Returned.Default;

    /// <summary>The scope within which a value must be unique (RFC 7643 section 7 <c>uniqueness</c>).</summary>
    public Uniqueness Uniqueness { get; init; } = Uniqueness.None;

    /// <summary>Suggested values, e.g. <c>work</c> and <c>home</c> for an email's <c>type</c> (RFC 7643 section 7 <c>canonicalValues</c>); other values are allowed.</summary>
    public IReadOnlyList<string> CanonicalValues { get; init; } = [];

    /// <summary>
    /// True when a value must be one of <see cref="CanonicalValues"/> (compared as
    /// <see cref="CaseExact"/> says). RFC 7643 makes canonical values suggestions, and the core
    /// schemas keep them so (Entra ID and Okta send types of their own); a tenant that lists them
    /// for an attribute of its own extension means them as the only values.
    /// </summary>
    public bool CanonicalValuesEnforced { get; init; }

    /// <summary>For a reference attribute, what it may point to: resource type names, <c>external</c> or <c>uri</c> (RFC 7643 section 7 <c>referenceTypes</c>).</summary>
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
