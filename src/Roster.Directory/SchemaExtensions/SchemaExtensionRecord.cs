namespace Roster.Directory.SchemaExtensions;

/// <summary>A row of <c>scim_schema_extensions</c>: one extension schema of a tenant.</summary>
public sealed class SchemaExtensionRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    /// <summary>The schema URN as defined.</summary>
    public required string Urn { get; set; }

    /// <summary>The URN in lower case: URNs compare ignoring case, and a tenant has one extension per URN.</summary>
    public required string UrnKey { get; set; }

    /// <summary>"User" or "Group".</summary>
    public required string ResourceType { get; set; }

    public bool Required { get; set; }

    /// <summary>The schema as RFC 7643 section 7 writes it (JSON), read back with <see cref="Scim.Schemas.SchemaExtensionReader"/>.</summary>
    public required string Definition { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }

    public long Version { get; set; }
}
