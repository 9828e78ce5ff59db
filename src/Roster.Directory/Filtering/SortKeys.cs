using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>
/// The expression a <c>sortBy</c> sorts on (RFC 7644 section 3.4.2.3): case-insensitive strings
/// by their folded value, multi-valued attributes by their primary (else first) value.
/// </summary>
internal sealed class SortKeys(SqlTranslation sql)
{
    public string? For(FilterOperand operand) => operand switch
    {
        ScalarOperand scalar => Scalar(scalar),
        ConstantOperand => null,
        CollectionOperand { Sortable: true } collection => Collection(collection),
        _ => throw new ScimException(ScimError.InvalidValue($"Resources cannot be sorted by '{operand.PathText}'; sort by a single value such as userName or name.familyName.")),
    };

    private string Scalar(ScalarOperand scalar) =>
        scalar.Definition.Type is AttributeType.String or AttributeType.Reference && !scalar.Definition.CaseExact && scalar.Kind == ScalarKind.Value
            ? scalar.FoldedSql ?? sql.Dialect.Fold(scalar.Sql)
            : scalar.Sql;

    private string Collection(CollectionOperand collection)
    {
        var sub = collection.SubAttribute ?? (collection.Definition.Type == AttributeType.Complex
            ? collection.Definition.FindSubAttribute("value")?.Name ?? throw new ScimException(ScimError.InvalidValue($"Resources cannot be sorted by the complex attribute '{collection.PathText}'."))
            : "");
        if (collection.Elements.Resolve(new AttributePath(null, sub)) is not ScalarOperand element)
        {
            throw new ScimException(ScimError.InvalidValue($"Resources cannot be sorted by '{collection.PathText}'."));
        }

        var scope = (JsonElementScope)collection.Elements;
        var primary = collection.Definition.FindSubAttribute("primary") is { Type: AttributeType.Boolean } primaryDefinition
            ? $"COALESCE({sql.Dialect.JsonValue(sql.Dialect.ElementJson(scope.Alias), new DocumentPath(primaryDefinition.Name), AttributeType.Boolean)}, {sql.False}) DESC, "
            : "";
        return $"(SELECT {Scalar(element)} FROM {collection.From} ORDER BY {primary}{sql.Dialect.ElementIndex(scope.Alias)} LIMIT 1)";
    }
}
