using System.Text.Json.Nodes;

using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Patching;

/// <summary>
/// add, replace and remove on a single-valued attribute (RFC 7644 section 3.5.2): a simple value
/// is set or removed; a complex value is merged sub-attribute by sub-attribute.
/// </summary>
internal static class SingularPatch
{
    /// <summary>Applies the operation to the whole attribute.</summary>
    public static void Apply(JsonObject container, AttributeDefinition attribute, PatchOperationType type, JsonNode? value, string path)
    {
        var existing = ResourceProperties.Get(container, attribute.Name);

        // Null, and the empty string Entra ID sends instead of null ("Entra ID never sends null
        // to clear a value"), remove the attribute. Source: "Known issues and resolutions with
        // SCIM 2.0 protocol compliance of the Microsoft Entra user provisioning service",
        // https://learn.microsoft.com/entra/identity/app-provisioning/application-provisioning-config-problem-scim-compatibility
        if (type == PatchOperationType.Remove || AttributeValueConformer.IsClearing(value))
        {
            MutabilityRule.EnsureChangeable(attribute, existing, null, path);
            ResourceProperties.Remove(container, attribute.Name);
            return;
        }

        if (attribute.Type == AttributeType.Complex)
        {
            MergeComplex(container, attribute, existing as JsonObject, ComplexValueMerge.AsObject(value, attribute, path), path);
            return;
        }

        var replacement = AttributeValueConformer.ConformSingular(value, attribute, path);
        MutabilityRule.EnsureChangeable(attribute, existing, replacement, path);
        if (replacement is null)
        {
            ResourceProperties.Remove(container, attribute.Name);
        }
        else
        {
            ResourceProperties.Set(container, attribute.Name, replacement);
        }
    }

    /// <summary>Applies the operation to one sub-attribute of a single-valued complex attribute (<c>name.givenName</c>).</summary>
    public static void ApplyToSubAttribute(
        JsonObject container,
        AttributeDefinition attribute,
        AttributeDefinition sub,
        PatchOperationType type,
        JsonNode? value,
        string path)
    {
        var existing = ResourceProperties.Get(container, attribute.Name) as JsonObject;
        if (existing is null && (type == PatchOperationType.Remove || AttributeValueConformer.IsClearing(value)))
        {
            return;
        }

        var fields = new JsonObject { [sub.Name] = type == PatchOperationType.Remove ? null : value?.DeepClone() };
        MergeComplex(container, attribute, existing, fields, path);
    }

    private static void MergeComplex(JsonObject container, AttributeDefinition attribute, JsonObject? existing, JsonObject fields, string path)
    {
        var merged = existing is null ? new JsonObject() : (JsonObject)existing.DeepClone();
        var identity = attribute.FindSubAttribute("value");
        if (identity is not null && IsNewReferent(merged, fields, identity, path))
        {
            // A complex value with a "value" (the enterprise manager) describes another resource;
            // a new "value" is a new referent, so what described the old one ($ref,
            // displayName) goes with it.
            merged = [];
        }

        ComplexValueMerge.Merge(merged, fields, attribute, path);

        // Without its "value", such a reference means nothing: Entra ID clears the manager with
        // {"value": ""} as well as with "" or remove.
        if (merged.Count == 0 || (identity is not null && ResourceProperties.Get(merged, identity.Name) is null))
        {
            ResourceProperties.Remove(container, attribute.Name);
        }
        else
        {
            ResourceProperties.Set(container, attribute.Name, merged);
        }
    }

    private static bool IsNewReferent(JsonObject existing, JsonObject fields, AttributeDefinition identity, string path)
    {
        var current = ResourceProperties.Get(existing, identity.Name);
        if (current is null || !ResourceProperties.TryGet(fields, identity.Name, out _, out var given))
        {
            return false;
        }

        var next = AttributeValueConformer.Conform(given, identity, $"{path}.{identity.Name}");
        return next is not null && !ValueEquality.AreEqual(current, next, identity);
    }
}
