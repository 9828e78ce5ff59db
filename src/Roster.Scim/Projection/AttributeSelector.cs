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
    public static ScimResult<AttributeSelector> Parse(string text) => Parse(text, valueFilterTolerated: false);

    /// <summary>
    /// As <see cref="Parse(string)"/>; with <paramref name="valueFilterTolerated"/> (for
    /// <c>attributes</c>), an entry with a value filter selects its attribute (see <see cref="WithoutValueFilter"/>).
    /// </summary>
    public static ScimResult<AttributeSelector> Parse(string text, bool valueFilterTolerated)
    {
        var trimmed = (text ?? "").Trim();
        if (AttributePathParser.IsSchemaUrn(trimmed))
        {
            return ForSchema(trimmed);
        }

        if (valueFilterTolerated && trimmed.Contains('[', StringComparison.Ordinal))
        {
            return WithoutValueFilter(trimmed);
        }

        var path = AttributePathParser.Parse(trimmed);
        return path.IsSuccess ? ForAttribute(path.Value) : path.Error;
    }

    /// <summary>
    /// Some test clients (and SCIM test suites) ask for <c>attributes=emails[type eq "work"]</c>:
    /// a value filter where RFC 7644 section 3.9 takes an attribute path. The attribute is what
    /// they want back; the filter is read (so a malformed one is still refused) and the whole
    /// attribute is returned, <c>emails</c> (or <c>emails.value</c> for
    /// <c>emails[type eq "work"].value</c>), since <c>attributes</c> selects attributes, not values.
    /// Only in <c>attributes</c>: returning more than asked costs nothing, while excluding every
    /// email when one was meant would hide data the client expects.
    /// </summary>
    private static ScimResult<AttributeSelector> WithoutValueFilter(string text)
    {
        var path = Patching.PatchPathParser.Parse(text);
        if (!path.IsSuccess)
        {
            return ScimError.InvalidPath(path.Error.Detail.Replace("Invalid PATCH path", "Invalid attribute path", StringComparison.Ordinal));
        }

        var target = path.Value;
        return target.IsSchema
            ? ForSchema(target.Attribute.SchemaUrn!)
            : ForAttribute(target.SubAttribute is null ? target.Attribute : target.Attribute with { SubAttribute = target.SubAttribute });
    }

    /// <summary>The entry as written in a request.</summary>
    public override string ToString() => Attribute?.ToString() ?? SchemaUrn!;
}
