using Roster.Directory.Administration;
using Roster.Scim.Schemas;

namespace Roster.Directory.SchemaExtensions;

/// <summary>The refusals of the extension use cases.</summary>
internal static class SchemaExtensionErrors
{
    public static AdminError NotFound() => AdminError.NotFound("There is no such schema extension in this organization.");

    public static AdminError NoSuchUrn(string urn) => AdminError.NotFound($"This organization has no schema extension '{urn}'.");

    public static AdminError UrnTaken(string urn) => AdminError.Conflict($"This organization already has an extension '{urn}'; change that one instead.");

    public static AdminError UrnChanged(string before, string after) => AtField("schema.id", AdminError.Validation(
        $"An extension's URN cannot change ('{before}' to '{after}'): the data of existing users and groups is stored under it. Define a new extension instead."));

    public static AdminError ResourceTypeChanged(string before) => AtField("resourceType", AdminError.Validation(
        $"An extension's resource type cannot change (it extends {before}); define a new extension instead."));

    public static AdminError UnknownResourceType(string? resourceType) => AtField("resourceType", AdminError.Validation(
        $"'resourceType' must be \"User\" or \"Group\", not {(resourceType is null ? "missing" : $"'{resourceType}'")}."));

    public static AdminError TooMany(int limit) => AdminError.Validation(
        $"An organization may define at most {limit} schema extensions; delete one it no longer uses first.");

    public static AdminError MissingSchema() => AtField("schema", AdminError.Validation(
        "'schema' is required: the extension as RFC 7643 section 7 writes a schema (id, name, description, attributes)."));

    /// <summary>A mistake of the definition, with its field as a path from the request's root (<c>schema.attributes[2].type</c>).</summary>
    public static AdminError Invalid(SchemaFieldError mistake) => new(AdminErrorKind.Validation, mistake.Detail)
    {
        Template = mistake.Template,
        Arguments = mistake.Arguments,
        Field = "schema." + mistake.Field,
    };

    public static AdminError ValuesStored(string urn, string attribute, long count, bool removed) => AdminError.Conflict(
        $"{count} resources hold a value of '{urn}:{attribute}', so it cannot be {(removed ? "removed" : "given another type or shape")}. Remove those values first (SCIM PATCH remove), or define a new attribute beside it.");

    public static AdminError InUse(string urn, string resourceType, long count) => AdminError.Conflict(
        $"{count} {resourceType} resources hold values of '{urn}', so it cannot be deleted. Remove them first (SCIM PATCH remove with path '{urn}'), then delete the extension.");

    private static AdminError AtField(string field, AdminError error) => error with { Field = field };
}
