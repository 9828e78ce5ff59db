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
    /// <summary>
    /// The resource type it extends and the schema, or a 400 with every mistake at once (the
    /// first, and the others in <see cref="AdminError.Also"/>), each with its field: <c>resourceType</c>,
    /// <c>schema</c>, or a path into the schema such as <c>schema.attributes[2].type</c>.
    /// </summary>
    internal AdminResult<(string ResourceType, SchemaDefinition Schema)> Read()
    {
        var errors = new List<AdminError>();
        var type = ResourceType is { } name ? ScimResourceTypes.Find(name.Trim()) : null;
        if (type is null)
        {
            errors.Add(SchemaExtensionErrors.UnknownResourceType(ResourceType));
        }

        SchemaReading? reading = null;
        if (Schema is null)
        {
            errors.Add(SchemaExtensionErrors.MissingSchema());
        }
        else
        {
            reading = SchemaExtensionReader.ReadAll(Schema);
            errors.AddRange(reading.Errors.Select(SchemaExtensionErrors.Invalid));
        }

        // The core schemas' URNs are outside the reader's namespace already; the Enterprise User
        // extension is too, and no tenant may define Roster's own schema again.
        return errors.Count > 0 || type is null || reading is not { IsSuccess: true, Schema: { } schema }
            ? errors[0] with { Also = [.. errors.Skip(1).Take(SchemaExtensionReader.MaxErrors - 1)] }
            : (type.Name, schema);
    }
}
