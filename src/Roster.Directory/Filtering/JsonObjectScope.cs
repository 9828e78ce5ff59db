using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>Sub-attributes of a single-valued complex attribute in a JSON document (<c>name[givenName eq "x"]</c>).</summary>
internal sealed class JsonObjectScope(SqlTranslation sql, string json, DocumentPath basePath, AttributeDefinition attribute) : FilterScope
{
    public override FilterOperand Resolve(AttributePath path)
    {
        var sub = SubAttributeOf(attribute, path);
        var valuePath = basePath.Append(sub.Name);
        return new ScalarOperand(sub, $"{attribute.Name}.{sub.Name}", sql.Dialect.JsonValue(json, valuePath, sub.Type), null,
            ScalarKind.Value, Nullable: true, sql.Dialect.JsonPresent(json, valuePath));
    }
}
