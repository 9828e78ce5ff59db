using System.Text.Json.Nodes;

using Roster.Scim.Errors;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Patching;

/// <summary>
/// Merges a PATCH value into a complex value (RFC 7644 sections 3.5.2.1 and 3.5.2.3): "a set of
/// sub-attributes SHALL be specified in the value parameter, which replaces any existing values
/// or adds where an attribute did not previously exist. Sub-attributes that are not specified
/// in the value parameter are left unchanged." A sub-attribute given as null or "" is removed.
/// </summary>
internal static class ComplexValueMerge
{
    /// <summary>Merges <paramref name="value"/> into <paramref name="target"/>, a value of <paramref name="attribute"/>.</summary>
    public static void Merge(JsonObject target, JsonNode? value, AttributeDefinition attribute, string path)
    {
        var fields = AsObject(value, attribute, path);
        foreach (var (name, subValue) in fields)
        {
            var sub = attribute.FindSubAttribute(name);
            if (sub is null || sub.Mutability == Mutability.ReadOnly)
            {
                continue;
            }

            var subPath = $"{path}.{sub.Name}";
            var replacement = AttributeValueConformer.Conform(subValue, sub, subPath);
            MutabilityRule.EnsureChangeable(sub, ResourceProperties.Get(target, sub.Name), replacement, subPath);
            if (replacement is null)
            {
                ResourceProperties.Remove(target, sub.Name);
            }
            else
            {
                ResourceProperties.Set(target, sub.Name, replacement);
            }
        }
    }

    /// <summary>
    /// The value as an object of sub-attributes. Tolerates a one-element array (Okta) and, for a
    /// single-valued complex attribute with a <c>value</c> sub-attribute, a bare string: Entra ID
    /// sends the enterprise manager as <c>"value": "id"</c>. Source: "Known issues and resolutions
    /// with SCIM 2.0 protocol compliance of the Microsoft Entra user provisioning service",
    /// https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
    /// </summary>
    public static JsonObject AsObject(JsonNode? value, AttributeDefinition attribute, string path)
    {
        if (value is JsonArray { Count: 1 } single)
        {
            value = single[0];
        }

        return value switch
        {
            JsonObject json => json,
            JsonValue when JsonStrings.TryGet(value, out var text)
                && !attribute.MultiValued && attribute.FindSubAttribute("value") is not null =>
                new JsonObject { ["value"] = text },
            _ => throw new ScimException(ScimError.InvalidValue(
                $"'{path}' is complex: its value must be an object of sub-attributes, not {value?.ToJsonString() ?? "null"}.")),
        };
    }
}
