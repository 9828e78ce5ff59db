using Roster.Scim.Errors;
using Roster.Scim.Filtering;

namespace Roster.Scim.Projection;

/// <summary>
/// One entry of <c>attributes</c> or <c>excludedAttributes</c> (RFC 7644 section 3.9): an
/// attribute path such as <c>name.givenName</c>, or a whole schema by its URN such as
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>.
/// </summary>
public sealed record AttributeSelector
{
    private AttributeSelector(AttributePath? attribute, string? schemaUrn)
    {
        Attribute = attribute;
        SchemaUrn = schemaUrn;
    }

    /// <summary>The attribute selected, or null when a whole schema is.</summary>
    public AttributePath? Attribute { get; }

    /// <summary>The schema selected as a whole, or null when an attribute is.</summary>
    public string? SchemaUrn { get; }

    /// <summary>Selects one attribute or sub-attribute.</summary>
    public static AttributeSelector ForAttribute(AttributePath attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return new AttributeSelector(attribute, null);
    }

    /// <summary>Selects every attribute of a schema (an extension, or the core schema).</summary>
    public static AttributeSelector ForSchema(string schemaUrn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaUrn);
        return new AttributeSelector(null, schemaUrn);
    }

    /// <summary>
    /// Parses one entry: a schema URN (see <see cref="AttributePathParser.IsSchemaUrn"/>) or an
    /// attribute path; anything else is a 400 <c>invalidPath</c>.
    /// </summary>
    public static ScimResult<AttributeSelector> Parse(string text)
    {
        var trimmed = (text ?? "").Trim();
        if (AttributePathParser.IsSchemaUrn(trimmed))
        {
            return ForSchema(trimmed);
        }

        var path = AttributePathParser.Parse(trimmed);
        return path.IsSuccess ? ForAttribute(path.Value!) : path.Error;
    }

    /// <summary>The entry as written in a request.</summary>
    public override string ToString() => Attribute?.ToString() ?? SchemaUrn!;
}
