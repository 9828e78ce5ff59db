using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Scim.Resources;

/// <summary>What a member name of a resource body (or of a PATCH value without a path) designates.</summary>
internal enum AttributeKeyKind
{
    /// <summary>The <c>schemas</c> attribute, which the server writes itself.</summary>
    Schemas,

    /// <summary>A schema URN whose value is an object of that schema's attributes (an extension).</summary>
    Schema,

    /// <summary>An attribute: plain, dotted (<c>name.givenName</c>) or URN-qualified.</summary>
    Attribute,

    /// <summary>A path with a value filter (<c>emails[type eq "work"].value</c>), for the PATCH parser.</summary>
    ValuePath,

    /// <summary>Something this resource type does not define: ignored.</summary>
    Unknown,
}

/// <summary>
/// Classifies a member name of a body against a resource type. Names ignore case; URN-qualified
/// names (<c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber</c>) and
/// dotted names (<c>name.givenName</c>) resolve like PATCH paths, because Entra ID writes a
/// PATCH value without a path that way. Source: "Known issues and resolutions with SCIM 2.0
/// protocol compliance of the Microsoft Entra user provisioning service",
/// https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
/// </summary>
/// <param name="Kind">What the name designates.</param>
/// <param name="Schema">For <see cref="AttributeKeyKind.Schema"/>, the schema.</param>
/// <param name="Resolution">For <see cref="AttributeKeyKind.Attribute"/>, the attribute.</param>
internal sealed record AttributeKey(AttributeKeyKind Kind, SchemaDefinition? Schema = null, AttributeResolution? Resolution = null)
{
    private static readonly AttributeKey SchemasKey = new(AttributeKeyKind.Schemas);
    private static readonly AttributeKey UnknownKey = new(AttributeKeyKind.Unknown);
    private static readonly AttributeKey ValuePathKey = new(AttributeKeyKind.ValuePath);

    /// <summary>Classifies <paramref name="name"/> for <paramref name="resourceType"/>.</summary>
    public static AttributeKey Classify(string name, ResourceTypeDefinition resourceType)
    {
        var text = name.Trim();
        if (string.Equals(text, "schemas", StringComparison.OrdinalIgnoreCase))
        {
            return SchemasKey;
        }

        if (AttributePathParser.IsSchemaUrn(text))
        {
            // An unknown extension (another product's, or a tenant's we were not told about) is
            // ignored rather than rejected: IdPs send every mapped attribute on every sync.
            var schema = resourceType.FindSchema(text);
            return schema is null ? UnknownKey : new AttributeKey(AttributeKeyKind.Schema, schema);
        }

        if (text.Contains('[', StringComparison.Ordinal))
        {
            return ValuePathKey;
        }

        var path = AttributePathParser.Parse(text);
        if (!path.IsSuccess)
        {
            return UnknownKey;
        }

        var resolution = resourceType.Resolve(path.Value);
        return resolution is null ? UnknownKey : new AttributeKey(AttributeKeyKind.Attribute, Resolution: resolution);
    }
}
