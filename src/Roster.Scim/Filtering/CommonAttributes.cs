using Roster.Scim.Schemas;

namespace Roster.Scim.Filtering;

/// <summary>
/// The attributes every resource has whatever its schema (RFC 7643 section 3.1): <c>id</c>,
/// <c>externalId</c>, <c>meta</c>, and <c>schemas</c>. Schemas often leave them out of their
/// attribute lists, so filters and projection fall back to these definitions.
/// </summary>
internal static class CommonAttributes
{
    private static readonly AttributeDefinition[] All =
    [
        new()
        {
            Name = "id",
            Type = AttributeType.String,
            CaseExact = true,
            Mutability = Mutability.ReadOnly,
            Returned = Returned.Always,
            Uniqueness = Uniqueness.Server,
        },
        new()
        {
            Name = "externalId",
            Type = AttributeType.String,
            CaseExact = true,
        },
        new()
        {
            Name = "schemas",
            Type = AttributeType.Reference,
            MultiValued = true,
            Returned = Returned.Always,
        },
        new()
        {
            Name = "meta",
            Type = AttributeType.Complex,
            Mutability = Mutability.ReadOnly,
            SubAttributes =
            [
                new() { Name = "resourceType", Type = AttributeType.String, CaseExact = true, Mutability = Mutability.ReadOnly },
                new() { Name = "created", Type = AttributeType.DateTime, Mutability = Mutability.ReadOnly },
                new() { Name = "lastModified", Type = AttributeType.DateTime, Mutability = Mutability.ReadOnly },
                new() { Name = "location", Type = AttributeType.Reference, CaseExact = true, Mutability = Mutability.ReadOnly },
                new() { Name = "version", Type = AttributeType.String, CaseExact = true, Mutability = Mutability.ReadOnly },
            ],
        },
    ];

    /// <summary>The common attribute named <paramref name="name"/> (ignoring case), or null.</summary>
    public static AttributeDefinition? Find(string name) =>
        Array.Find(All, a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
