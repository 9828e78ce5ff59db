using System.Text.Json.Nodes;
using Roster.Directory.SchemaExtensions;
using Roster.Scim.Discovery;

namespace Roster.Server.Admin.SchemaExtensions;

/// <summary>A tenant's schema extension in the admin API; <c>schema</c> is written as <c>/Schemas</c> serves it (RFC 7643 section 7).</summary>
public sealed record SchemaExtensionDocument(
    Guid Id,
    string Urn,
    string ResourceType,
    bool Required,
    JsonObject Schema,
    DateTimeOffset Created,
    DateTimeOffset LastModified,
    long Version)
{
    public static SchemaExtensionDocument From(SchemaExtension e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var schema = SchemaDocumentWriter.Write(e.Schema, "");
        schema.Remove("meta");
        schema.Remove("schemas");
        return new(e.Id, e.Urn, e.ResourceType, e.Required, schema, e.Created, e.LastModified, e.Version);
    }
}
