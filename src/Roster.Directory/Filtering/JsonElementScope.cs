using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>
/// One element of a multi-valued attribute in a JSON document: a sub-attribute of a complex
/// element (<c>emails[type eq "work"]</c>), or, by an empty name, the element of a multi-valued
/// simple attribute itself.
/// </summary>
internal sealed class JsonElementScope(SqlTranslation sql, string alias, AttributeDefinition attribute) : FilterScope
{
    public string Alias => alias;

    public override FilterOperand Resolve(AttributePath path)
    {
        // The element of a multi-valued simple attribute is its own "value" (as in FilterEvaluator).
        if (path.Name.Length == 0 || (attribute.SubAttributes.Count == 0 && path.SchemaUrn is null && path.SubAttribute is null
            && string.Equals(path.Name, "value", StringComparison.OrdinalIgnoreCase)))
        {
            return new ScalarOperand(attribute, attribute.Name, sql.Dialect.ElementValue(alias, attribute.Type), null,
                ScalarKind.Value, Nullable: true, sql.Dialect.ElementPresent(alias));
        }

        var sub = SubAttributeOf(attribute, path);
        var subPath = new DocumentPath(sub.Name);
        var element = sql.Dialect.ElementJson(alias);
        return new ScalarOperand(sub, $"{attribute.Name}.{sub.Name}", sql.Dialect.JsonValue(element, subPath, sub.Type), null,
            ScalarKind.Value, Nullable: true, sql.Dialect.JsonPresent(element, subPath));
    }
}
