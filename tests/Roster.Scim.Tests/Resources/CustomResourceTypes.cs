using Roster.Scim.Schemas;

namespace Roster.Scim.Tests.Resources;

/// <summary>
/// A User resource type with a tenant-style extension holding the types and characteristics the
/// RFC schemas lack among writable attributes: integer, decimal, dateTime, an immutable string and
/// a read-only one, and a required extension variant.
/// </summary>
internal static class CustomResourceTypes
{
    public const string ExtensionUrn = "urn:example:params:scim:schemas:extension:roster:1.0:User";

    public static SchemaDefinition Extension { get; } = new()
    {
        Id = ExtensionUrn,
        Name = "RosterUser",
        Attributes =
        [
            new() { Name = "seats", Type = AttributeType.Integer },
            new() { Name = "rate", Type = AttributeType.Decimal },
            new() { Name = "hiredOn", Type = AttributeType.DateTime },
            new() { Name = "badge", Type = AttributeType.String, Mutability = Mutability.Immutable },
            new() { Name = "score", Type = AttributeType.Integer, Mutability = Mutability.ReadOnly },
            new() { Name = "tags", Type = AttributeType.String, MultiValued = true },
        ],
    };

    public static ResourceTypeDefinition User { get; } = ScimResourceTypes.User with
    {
        Extensions = [(ScimSchemas.EnterpriseUser, false), (Extension, false)],
    };

    public static ResourceTypeDefinition UserRequiringExtension { get; } = ScimResourceTypes.User with
    {
        Extensions = [(Extension, true)],
    };
}
