namespace Roster.Scim.Filtering;

/// <summary>
/// An attribute reference as in RFC 7644 section 3.10 (<c>attrPath</c>): an optional schema URN,
/// an attribute name and an optional sub-attribute, e.g.
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value</c>.
/// Names keep the case they were written in; resolution against a schema ignores case.
/// </summary>
public sealed record AttributePath(string? SchemaUrn, string Name, string? SubAttribute = null)
{
    /// <summary>The path as SCIM text, URN-qualified when a URN was given.</summary>
    public override string ToString()
    {
        var local = SubAttribute is null ? Name : $"{Name}.{SubAttribute}";
        return SchemaUrn is null ? local : $"{SchemaUrn}:{local}";
    }

    /// <summary>True when both paths name the same attribute, ignoring case.</summary>
    public bool SameAs(AttributePath other) =>
        other is not null
        && string.Equals(SchemaUrn, other.SchemaUrn, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(SubAttribute, other.SubAttribute, StringComparison.OrdinalIgnoreCase);
}
