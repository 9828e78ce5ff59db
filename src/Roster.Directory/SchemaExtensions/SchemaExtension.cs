using Roster.Scim.Schemas;

namespace Roster.Directory.SchemaExtensions;

/// <summary>
/// A tenant's own schema extension of Users or Groups (RFC 7643 section 3.3): its attributes,
/// served in <c>/Schemas</c> and in <c>/ResourceTypes</c>' <c>schemaExtensions</c>, validated
/// on every write and filtered and sorted in the database like the Enterprise User extension.
/// </summary>
/// <param name="Id">The extension's id in Roster (its URN is <see cref="SchemaDefinition.Id"/>).</param>
/// <param name="ResourceType">"User" or "Group".</param>
/// <param name="Required">Whether every resource of the type must carry it.</param>
/// <param name="Schema">The definition.</param>
/// <param name="Created">When it was defined.</param>
/// <param name="LastModified">When it last changed.</param>
/// <param name="Version">Starts at 1, one more at each change.</param>
public sealed record SchemaExtension(Guid Id, string ResourceType, bool Required, SchemaDefinition Schema, DateTimeOffset Created, DateTimeOffset LastModified, long Version)
{
    /// <summary>The extension's URN.</summary>
    public string Urn => Schema.Id;
}
