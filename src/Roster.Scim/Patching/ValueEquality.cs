using System.Text.Json.Nodes;

using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Patching;

/// <summary>
/// When two values of a multi-valued attribute are "the same value" (RFC 7644 section 3.5.2.1:
/// "If the target location already contains the value specified, no changes SHOULD be made"),
/// comparing strings with the case-exactness the schema gives each sub-attribute.
/// </summary>
internal static class ValueEquality
{
    /// <summary>Equal values of <paramref name="attribute"/> (a simple attribute or sub-attribute).</summary>
    public static bool AreEqual(JsonNode? left, JsonNode? right, AttributeDefinition? attribute)
    {
        if (attribute is { CaseExact: false } && JsonStrings.TryGet(left, out var l) && JsonStrings.TryGet(right, out var r))
        {
            return string.Equals(l, r, StringComparison.OrdinalIgnoreCase);
        }

        return JsonNode.DeepEquals(left, right);
    }

    /// <summary>True when <paramref name="element"/> has every sub-attribute of <paramref name="pattern"/> with an equal value.</summary>
    public static bool Contains(JsonNode? element, JsonNode pattern, AttributeDefinition attribute)
    {
        if (pattern is not JsonObject fields)
        {
            return AreEqual(element, pattern, attribute);
        }

        if (element is not JsonObject json)
        {
            return false;
        }

        foreach (var (name, value) in fields)
        {
            if (!ResourceProperties.TryGet(json, name, out _, out var existing)
                || !AreEqual(existing, value, attribute.FindSubAttribute(name)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The existing value that <paramref name="candidate"/> (being added) is a new version of:
    /// for values with a <c>value</c> sub-attribute, the one with an equal <c>value</c> (and an
    /// equal <c>type</c> when the candidate gives one); otherwise one that already contains every
    /// sub-attribute of the candidate. Null when the candidate is new.
    /// </summary>
    public static JsonNode? FindSame(JsonArray values, JsonNode candidate, AttributeDefinition attribute)
    {
        if (candidate is JsonObject json && attribute.FindSubAttribute("value") is { } valueDefinition
            && ResourceProperties.Get(json, "value") is { } value)
        {
            var type = ResourceProperties.Get(json, "type");
            return values.FirstOrDefault(existing =>
                existing is JsonObject e
                && AreEqual(ResourceProperties.Get(e, "value"), value, valueDefinition)
                && (type is null || AreEqual(ResourceProperties.Get(e, "type"), type, attribute.FindSubAttribute("type"))));
        }

        return values.FirstOrDefault(existing => Contains(existing, candidate, attribute));
    }
}
