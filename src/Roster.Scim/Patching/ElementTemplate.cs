using System.Text.Json.Nodes;

using Roster.Scim.Filtering;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Patching;

/// <summary>
/// The value a value filter describes, when it only joins equality tests with <c>and</c>:
/// <c>type eq "work"</c> describes <c>{"type": "work"}</c>. Used to create the element that an
/// add or replace of <c>emails[type eq "work"].value</c> targets when there is none yet.
/// </summary>
internal static class ElementTemplate
{
    /// <summary>The described value, or null when the filter is not a conjunction of <c>eq</c> tests on sub-attributes.</summary>
    public static JsonObject? From(FilterNode filter, AttributeDefinition attribute)
    {
        var template = new JsonObject();
        return Collect(filter, attribute, template) ? template : null;
    }

    private static bool Collect(FilterNode node, AttributeDefinition attribute, JsonObject template)
    {
        switch (node)
        {
            case LogicalFilter { Operator: LogicalOperator.And } and:
                return and.FlattenOperands().All(operand => Collect(operand, attribute, template));
            case ComparisonFilter { Operator: ComparisonOperator.Equal } comparison
                when comparison.Attribute is { SchemaUrn: null, SubAttribute: null }
                && attribute.FindSubAttribute(comparison.Attribute.Name) is { } sub
                && ToJson(comparison.Value) is { } literal:
                var value = AttributeValueConformer.Conform(literal, sub, $"{attribute.Name}.{sub.Name}");
                if (value is null || ResourceProperties.Get(template, sub.Name) is not null)
                {
                    return false;
                }

                template[sub.Name] = value;
                return true;
            default:
                return false;
        }
    }

    private static JsonValue? ToJson(FilterLiteral literal) => literal.Kind switch
    {
        FilterLiteralKind.String => JsonValue.Create(literal.Text),
        FilterLiteralKind.Boolean => JsonValue.Create(literal.Boolean!.Value),
        FilterLiteralKind.Number => JsonValue.Create(literal.Number!.Value),
        _ => null,
    };
}
