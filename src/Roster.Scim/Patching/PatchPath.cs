using Roster.Scim.Filtering;

namespace Roster.Scim.Patching;

/// <summary>
/// A PATCH target (<c>path</c> in RFC 7644 section 3.5.2): an attribute, an optional value
/// filter selecting elements of a multi-valued attribute, and an optional sub-attribute of the
/// selected elements, e.g. <c>emails[type eq "work"].value</c> is
/// (<c>emails</c>, <c>type eq "work"</c>, <c>value</c>).
/// </summary>
/// <param name="Attribute">The attribute; its <see cref="AttributePath.SubAttribute"/> is set for
/// <c>name.givenName</c>-style paths without a filter.</param>
/// <param name="ValueFilter">The filter inside brackets, relative to each element.</param>
/// <param name="SubAttribute">The sub-attribute after the brackets.</param>
public sealed record PatchPath(AttributePath Attribute, FilterNode? ValueFilter = null, string? SubAttribute = null)
{
    /// <summary>
    /// A path naming a whole schema extension rather than an attribute, e.g.
    /// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User</c>: its
    /// <see cref="AttributePath.SchemaUrn"/> is the URN and its name is empty.
    /// </summary>
    public static PatchPath ForSchema(string schemaUrn) => new(new AttributePath(schemaUrn, ""));

    /// <summary>True when this path names a whole schema extension (see <see cref="ForSchema"/>).</summary>
    public bool IsSchema => Attribute.Name.Length == 0 && Attribute.SchemaUrn is not null;

    /// <summary>The path as SCIM text.</summary>
    public override string ToString()
    {
        if (IsSchema)
        {
            return Attribute.SchemaUrn!;
        }

        var text = Attribute.ToString();
        if (ValueFilter is not null)
        {
            text += $"[{FilterFormatter.Format(ValueFilter)}]";
        }

        return SubAttribute is null ? text : $"{text}.{SubAttribute}";
    }
}
