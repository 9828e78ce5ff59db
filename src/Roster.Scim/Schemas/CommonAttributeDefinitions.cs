namespace Roster.Scim.Schemas;

/// <summary>
/// The common attributes of RFC 7643 section 3.1 (<c>id</c>, <c>externalId</c>, <c>meta</c>):
/// part of every resource but of no schema, so the <c>/Schemas</c> documents do not list them
/// (as in RFC 7643 section 8.7.1). <see cref="ResourceTypeDefinition.Resolve"/> consults them
/// after the core schema so that filters such as <c>meta.lastModified gt "..."</c> resolve.
/// </summary>
public static class CommonAttributeDefinitions
{
    /// <summary><c>id</c>: issued by the service provider, never changed, returned always.</summary>
    public static AttributeDefinition Id { get; } =
        SchemaAttribute.String(
            "id",
            "A unique identifier for a SCIM resource as defined by the service provider.  Each representation of the resource MUST include a non-empty \"id\" value.  This identifier MUST be unique across the SCIM service provider's entire set of resources.  It MUST be a stable, non-reassignable identifier that does not change when the same resource is returned in subsequent requests.  The value of the \"id\" attribute is always issued by the service provider and MUST NOT be specified by the client.")
        with
        {
            CaseExact = true,
            Mutability = Mutability.ReadOnly,
            Returned = Returned.Always,
            Uniqueness = Uniqueness.Server,
        };

    /// <summary><c>externalId</c>: the client's identifier (Entra's objectId), case-exact.</summary>
    public static AttributeDefinition ExternalId { get; } =
        SchemaAttribute.String(
            "externalId",
            "A String that is an identifier for the resource as defined by the provisioning client.  The \"externalId\" may simplify identification of a resource between the provisioning client and the service provider by allowing the client to use a filter to locate the resource with an identifier from the provisioning domain, obviating the need to store a local mapping between the provisioning domain's identifier of the resource and the identifier used by the service provider.")
        with
        { CaseExact = true };

    /// <summary><c>meta</c>: resource metadata maintained by the service provider.</summary>
    public static AttributeDefinition Meta { get; } =
        SchemaAttribute.Complex(
            "meta",
            "A complex attribute containing resource metadata.",
            SchemaAttribute.String("resourceType", "The name of the resource type of the resource.") with { CaseExact = true, Mutability = Mutability.ReadOnly },
            SchemaAttribute.DateTime("created", "The \"DateTime\" that the resource was added to the service provider.") with { Mutability = Mutability.ReadOnly },
            SchemaAttribute.DateTime("lastModified", "The most recent DateTime that the details of this resource were updated at the service provider.") with { Mutability = Mutability.ReadOnly },
            SchemaAttribute.Reference("location", "The URI of the resource being returned.", "uri") with { CaseExact = true, Mutability = Mutability.ReadOnly },
            SchemaAttribute.String("version", "The version of the resource being returned.") with { CaseExact = true, Mutability = Mutability.ReadOnly })
        with
        { Mutability = Mutability.ReadOnly };

    /// <summary>All three, in the RFC's order.</summary>
    public static IReadOnlyList<AttributeDefinition> All { get; } = [Id, ExternalId, Meta];

    /// <summary>Finds a common attribute by name, ignoring case.</summary>
    public static AttributeDefinition? Find(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));
}
