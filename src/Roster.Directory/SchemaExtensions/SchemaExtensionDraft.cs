using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Scim.Schemas;

namespace Roster.Directory.SchemaExtensions;

/// <summary>What an administrator sends to define or replace an extension.</summary>
/// <param name="ResourceType">"User" or "Group".</param>
/// <param name="Required">Whether every resource of the type must carry the extension.</param>
/// <param name="Schema">The schema as RFC 7643 section 7 writes it: <c>id</c> (the URN), <c>name</c>, <c>description</c>, <c>attributes</c>.</param>
public sealed record SchemaExtensionDraft(string? ResourceType, bool Required, JsonObject? Schema)
{
    /// <summary>The resource type it extends and the schema, or a 400 that says what is wrong.</summary>
    internal AdminResult<(string ResourceType, SchemaDefinition Schema)> Read()
    {
        var type = ResourceType is { } name ? ScimResourceTypes.Find(name.Trim()) : null;
        if (type is null)
        {
            return SchemaExtensionErrors.UnknownResourceType(ResourceType);
        }

        if (Schema is null)
        {
            return SchemaExtensionErrors.MissingSchema();
        }

        var schema = SchemaExtensionReader.Read(Schema);
        if (!schema.IsSuccess)
        {
            return AdminError.Validation(schema.Error.Detail);
        }

        // The core schemas' URNs are outside the reader's namespace already; the Enterprise User
        // extension is too, and no tenant may define Roster's own schema again.
        return (type.Name, schema.Value);
    }
}
