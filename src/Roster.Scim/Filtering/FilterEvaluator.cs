using System.Text.Json.Nodes;
using Roster.Scim.Schemas;

namespace Roster.Scim.Filtering;

/// <summary>
/// Evaluates a <see cref="FilterNode"/> in memory against a SCIM resource or one element of a
/// multi-valued attribute, honouring each attribute's type and case-exactness. It is the
/// reference semantics that the database translation of filters must reproduce:
/// <list type="bullet">
/// <item>Names match ignoring case; an unknown attribute compares as a case-insensitive string.</item>
/// <item>A comparison on a multi-valued attribute is true when any value matches; on a
/// multi-valued complex attribute without a sub-attribute (<c>emails co "x"</c>) it compares
/// each element's <c>value</c> sub-attribute.</item>
/// <item><c>ne</c> is exactly <c>not (eq)</c>: true when the attribute is absent, and on a
/// multi-valued attribute true only when no value is equal.</item>
/// <item><c>eq null</c> is <c>not (pr)</c> and <c>ne null</c> is <c>pr</c>.</item>
/// <item><c>pr</c> is true when some value is not null, not an empty string and not an empty
/// array or object.</item>
/// <item>A value path <c>emails[type eq "work"]</c> is true when one element satisfies the
/// inner filter, whose paths are relative to that element.</item>
/// </list>
/// </summary>
public static class FilterEvaluator
{
    /// <summary>Where an attribute's value sits and how it is defined.</summary>
    private readonly record struct Located(JsonNode? Node, AttributeDefinition? Definition);

    /// <summary>Finds a top-level attribute (by schema URN and name) in the current scope.</summary>
    private delegate Located Locator(string? schemaUrn, string name);

    /// <summary>True when <paramref name="resource"/> matches <paramref name="filter"/>.</summary>
    public static bool Matches(FilterNode filter, JsonObject resource, ResourceTypeDefinition resourceType)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(resourceType);
        return Evaluate(filter, (urn, name) =>
        {
            var container = AttributeLookup.Container(resource, resourceType, urn);
            return new Located(
                container is null ? null : ScimJson.Property(container, name),
                AttributeLookup.Find(resourceType, urn, name));
        });
    }

    /// <summary>
    /// True when one element of a multi-valued complex attribute (e.g. one entry of
    /// <c>emails</c>) matches a value filter whose paths name sub-attributes of
    /// <paramref name="attribute"/> (e.g. <c>type eq "work"</c>). For a primitive element (one
    /// entry of a multi-valued string), the path <c>value</c> names the element itself.
    /// </summary>
    public static bool MatchesElement(FilterNode filter, JsonNode? element, AttributeDefinition? attribute)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Evaluate(filter, (urn, name) =>
        {
            if (urn is not null)
            {
                return default;
            }

            if (element is JsonObject obj)
            {
                return new Located(ScimJson.Property(obj, name), attribute?.FindSubAttribute(name));
            }

            return string.Equals(name, "value", StringComparison.OrdinalIgnoreCase)
                ? new Located(element, attribute)
                : default;
        });
    }

    private static bool Evaluate(FilterNode node, Locator locate) => node switch
    {
        LogicalFilter { Operator: LogicalOperator.And } and => and.FlattenOperands().All(n => Evaluate(n, locate)),
        LogicalFilter or => or.FlattenOperands().Any(n => Evaluate(n, locate)),
        NotFilter not => !Evaluate(not.Inner, locate),
        PresentFilter present => IsPresent(present.Attribute, locate),
        ComparisonFilter comparison => Compare(comparison, locate),
        ValuePathFilter valuePath => Values(valuePath.Attribute, locate, comparedValue: false)
            .Any(element => MatchesElement(valuePath.Filter, element.Node, element.Definition)),
        _ => false,
    };

    private static bool IsPresent(AttributePath path, Locator locate) =>
        Values(path, locate, comparedValue: false).Any(v => ScimJson.HasValue(v.Node));

    private static bool Compare(ComparisonFilter comparison, Locator locate)
    {
        var (path, op, literal) = (comparison.Attribute, comparison.Operator, comparison.Value);
        if (literal.Kind == FilterLiteralKind.Null)
        {
            return op switch
            {
                ComparisonOperator.Equal => !IsPresent(path, locate),
                ComparisonOperator.NotEqual => IsPresent(path, locate),
                _ => false,
            };
        }

        if (op == ComparisonOperator.NotEqual)
        {
            return !Values(path, locate, comparedValue: true)
                .Any(v => ValueComparer.Matches(v.Node, v.Definition, ComparisonOperator.Equal, literal));
        }

        return Values(path, locate, comparedValue: true)
            .Any(v => ValueComparer.Matches(v.Node, v.Definition, op, literal));
    }

    /// <summary>
    /// Every value the path reaches: the attribute's values (each element of an array), or the
    /// sub-attribute's values in each element. With <paramref name="comparedValue"/>, a complex
    /// element reached without a sub-attribute stands for its <c>value</c> sub-attribute.
    /// </summary>
    private static IEnumerable<Located> Values(AttributePath path, Locator locate, bool comparedValue)
    {
        var attribute = locate(path.SchemaUrn, path.Name);
        if (path.SubAttribute is { } subName)
        {
            var sub = attribute.Definition?.FindSubAttribute(subName);
            foreach (var element in ScimJson.Items(attribute.Node))
            {
                if (element is JsonObject obj)
                {
                    foreach (var value in ScimJson.Items(ScimJson.Property(obj, subName)))
                    {
                        yield return new Located(value, sub);
                    }
                }
            }

            yield break;
        }

        foreach (var element in ScimJson.Items(attribute.Node))
        {
            yield return comparedValue && element is JsonObject obj
                ? new Located(ScimJson.Property(obj, "value"), attribute.Definition?.FindSubAttribute("value"))
                : new Located(element, attribute.Definition);
        }
    }
}
