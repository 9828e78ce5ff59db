using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>The recursive part of <see cref="FilterSqlTranslator"/>: one filter node at a time.</summary>
internal sealed class Conditions(SqlTranslation sql)
{
    private readonly Comparisons _comparisons = new(sql);

    public string Node(FilterNode node, FilterScope scope) => node switch
    {
        LogicalFilter logical => Logical(logical, scope),
        NotFilter not => $"(NOT {Node(not.Inner, scope)})",

        // ne is "not eq" everywhere, as in the in-memory FilterEvaluator: a resource without the
        // attribute, or whose multi-valued attribute has no element equal to the value, matches.
        ComparisonFilter { Operator: ComparisonOperator.NotEqual } ne when ne.Value.Kind != FilterLiteralKind.Null =>
            $"(NOT {Comparison(ne with { Operator = ComparisonOperator.Equal }, scope)})",
        ComparisonFilter comparison => Comparison(comparison, scope),
        PresentFilter present => Present(scope.Resolve(present.Attribute)),
        ValuePathFilter valuePath => ValuePath(valuePath, scope),
        _ => throw new ScimException(ScimError.InvalidFilter("The filter has a node Roster cannot evaluate.")),
    };

    // A run of one operator (a or b or c ...) is translated as a list, not one recursion per term.
    // Written out flat it would still fail: SQLite parses "a OR b OR c" into a tree as deep as the
    // chain is long and refuses one deeper than 1,000 levels ("Expression tree is too large"), so
    // the list is written as halves in parentheses, log2(n) levels deep. PostgreSQL flattens it back.
    private string Logical(LogicalFilter logical, FilterScope scope)
    {
        var terms = logical.FlattenOperands().Select(operand => Node(operand, scope)).ToList();
        return Halves(terms, 0, terms.Count, logical.Operator == LogicalOperator.And ? " AND " : " OR ");
    }

    private static string Halves(List<string> terms, int start, int count, string separator)
    {
        if (count == 1)
        {
            return terms[start];
        }

        var half = count / 2;
        return $"({Halves(terms, start, half, separator)}{separator}{Halves(terms, start + half, count - half, separator)})";
    }

    private string Comparison(ComparisonFilter filter, FilterScope scope)
    {
        var operand = scope.Resolve(filter.Attribute);
        switch (operand)
        {
            case ScalarOperand scalar:
                return _comparisons.Scalar(scalar, filter.Operator, filter.Value);
            case ConstantOperand constant:
                return _comparisons.Constant(constant, filter.Operator, filter.Value);
            case ComplexOperand complex:
                return _comparisons.Scalar(ImplicitValue(complex, complex.Members, filter), filter.Operator, filter.Value);
            case CollectionOperand collection:
                if (filter.Value.Kind == FilterLiteralKind.Null)
                {
                    var present = Present(collection);
                    return filter.Operator == ComparisonOperator.Equal ? $"(NOT {present})" : present;
                }

                var sub = collection.SubAttribute ?? ImplicitSubAttribute(collection, filter);
                if (filter.Operator == ComparisonOperator.Equal && collection.Lookup is { } lookup
                    && string.Equals(lookup.SubAttribute, sub, StringComparison.OrdinalIgnoreCase)
                    && lookup.Build(filter.Value) is { } seek)
                {
                    return seek;
                }

                var element = collection.Elements.Resolve(new AttributePath(null, sub));
                var condition = element switch
                {
                    ScalarOperand scalar => _comparisons.Scalar(scalar, filter.Operator, filter.Value),
                    ConstantOperand constant => _comparisons.Constant(constant, filter.Operator, filter.Value),
                    _ => throw Invalid($"'{filter.Attribute}' cannot be compared with a value."),
                };
                return Exists(collection, condition);
            default:
                throw Invalid($"'{filter.Attribute}' cannot be compared with a value.");
        }
    }

    private string Present(FilterOperand operand) => operand switch
    {
        ScalarOperand scalar => scalar.Present,
        ConstantOperand => sql.True,
        ComplexOperand complex => complex.Present,
        CollectionOperand { SubAttribute: null } collection => collection.Present,
        CollectionOperand collection => collection.Elements.Resolve(new AttributePath(null, collection.SubAttribute)) switch
        {
            ScalarOperand scalar => Exists(collection, scalar.Present),
            _ => collection.Present,
        },
        _ => throw Invalid($"'{operand.PathText}' cannot be tested with pr."),
    };

    private string ValuePath(ValuePathFilter filter, FilterScope scope)
    {
        if (filter.Attribute.SubAttribute is not null)
        {
            throw Invalid($"'{filter.Attribute}' cannot have a value filter: brackets follow a complex attribute, as in emails[type eq \"work\"].");
        }

        var operand = scope.Resolve(filter.Attribute);
        switch (operand)
        {
            case CollectionOperand collection when collection.Definition.Type == AttributeType.Complex:
                if (collection.Lookup is { } lookup
                    && filter.Filter is ComparisonFilter { Operator: ComparisonOperator.Equal } equal
                    && equal.Attribute.SchemaUrn is null && equal.Attribute.SubAttribute is null
                    && string.Equals(equal.Attribute.Name, lookup.SubAttribute, StringComparison.OrdinalIgnoreCase)
                    && lookup.Build(equal.Value) is { } seek)
                {
                    return seek;
                }

                return Exists(collection, Node(filter.Filter, collection.Elements));
            case ComplexOperand complex:
                return Node(filter.Filter, complex.Members);
            default:
                throw Invalid($"'{filter.Attribute}' is not a complex attribute, so it cannot have a value filter.");
        }
    }

    private static string Exists(CollectionOperand collection, string condition) =>
        collection.Correlation is null
            ? $"EXISTS (SELECT 1 FROM {collection.From} WHERE {condition})"
            : $"EXISTS (SELECT 1 FROM {collection.From} WHERE {collection.Correlation} AND {condition})";

    // RFC 7644 section 3.4.2.2 lets a filter compare a multi-valued complex attribute directly,
    // meaning its "value" sub-attribute (emails eq "x" is emails.value eq "x"); a multi-valued
    // simple attribute compares its elements themselves.
    private static string ImplicitSubAttribute(CollectionOperand collection, ComparisonFilter filter)
    {
        if (collection.Definition.Type != AttributeType.Complex)
        {
            return "";
        }

        RequireEqualityLike(collection.Definition, filter);
        return collection.Definition.FindSubAttribute("value")?.Name
            ?? throw Invalid($"'{filter.Attribute}' is a complex attribute; compare one of its sub-attributes, e.g. {filter.Attribute}.type.");
    }

    private static ScalarOperand ImplicitValue(ComplexOperand complex, FilterScope members, ComparisonFilter filter)
    {
        RequireEqualityLike(complex.Definition, filter);
        if (complex.Definition.FindSubAttribute("value") is null)
        {
            throw Invalid($"'{filter.Attribute}' is a complex attribute; compare one of its sub-attributes, e.g. {filter.Attribute}.{(complex.Definition.SubAttributes.Count > 0 ? complex.Definition.SubAttributes[0].Name : "value")}.");
        }

        return members.Resolve(new AttributePath(null, "value")) as ScalarOperand
            ?? throw Invalid($"'{filter.Attribute}' cannot be compared with a value.");
    }

    private static void RequireEqualityLike(AttributeDefinition complex, ComparisonFilter filter)
    {
        if (filter.Operator is ComparisonOperator.GreaterThan or ComparisonOperator.GreaterThanOrEqual
            or ComparisonOperator.LessThan or ComparisonOperator.LessThanOrEqual)
        {
            throw Invalid($"The operator '{FilterFormatter.OperatorText(filter.Operator)}' cannot be applied to the complex attribute '{complex.Name}'.");
        }
    }

    private static ScimException Invalid(string detail) => new(ScimError.InvalidFilter(detail));
}
