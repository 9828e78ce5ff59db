using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>
/// What a filter's attribute paths are relative to: the resource row, or one element of a
/// multi-valued or complex attribute inside a value filter (<c>emails[type eq "work"]</c>).
/// </summary>
internal abstract class FilterScope
{
    /// <summary>Resolves a path; an attribute the schema does not define is a 400 <c>invalidFilter</c>.</summary>
    public abstract FilterOperand Resolve(AttributePath path);

    protected static ScimException Undefined(string path, string where) =>
        new(ScimError.InvalidFilter($"The attribute '{path}' is not defined for {where}."));

    /// <summary>A sub-attribute of an element scope: a bare name, no URN, no dot.</summary>
    protected static AttributeDefinition SubAttributeOf(AttributeDefinition parent, AttributePath path)
    {
        if (path.SchemaUrn is not null || path.SubAttribute is not null)
        {
            throw new ScimException(ScimError.InvalidFilter(
                $"'{path}' is not a sub-attribute of '{parent.Name}': paths inside brackets name one sub-attribute."));
        }

        return parent.FindSubAttribute(path.Name) ?? throw Undefined(path.ToString(), $"'{parent.Name}' values");
    }
}
