using System.Text.Json.Nodes;

using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Scim.Patching;

/// <summary>
/// One multi-valued attribute of a resource being patched: its values under the schema's
/// spelling, and the bookkeeping every change ends with (the <c>primary</c> rule of RFC 7643
/// section 2.4, and no empty list left behind, since RFC 7643 section 2.5 makes an empty array
/// "unassigned").
/// </summary>
/// <param name="container">The object holding the attribute (the resource or an extension object).</param>
/// <param name="definition">The multi-valued attribute.</param>
/// <param name="path">The attribute's path, for error details.</param>
internal sealed class MultiValuedAttribute(JsonObject container, AttributeDefinition definition, string path)
{
    public AttributeDefinition Definition => definition;

    public string Path => path;

    /// <summary>The values; a stored single value is wrapped. Null when absent and not <paramref name="create"/>d.</summary>
    public JsonArray? Values(bool create)
    {
        if (ResourceProperties.TryGet(container, definition.Name, out var key, out var node) && node is not null)
        {
            if (node is JsonArray array && string.Equals(key, definition.Name, StringComparison.Ordinal))
            {
                return array;
            }

            var values = node is JsonArray other ? (JsonArray)other.DeepClone() : new JsonArray(node.DeepClone());
            ResourceProperties.Set(container, definition.Name, values);
            return values;
        }

        if (!create)
        {
            return null;
        }

        var created = new JsonArray();
        ResourceProperties.Set(container, definition.Name, created);
        return created;
    }

    /// <summary>Replaces every value; null removes the attribute.</summary>
    public void Replace(JsonArray? values)
    {
        if (values is null)
        {
            ResourceProperties.Remove(container, definition.Name);
        }
        else
        {
            ResourceProperties.Set(container, definition.Name, values);
        }
    }

    /// <summary>Appends a value built from a filter's description, when it conforms to the attribute.</summary>
    public void AddCreated(JsonArray values, JsonObject created)
    {
        if (AttributeValueConformer.ConformElement(created, definition, path) is { } element)
        {
            values.Add(element);
            Finish(values, [element]);
        }
    }

    /// <summary>Keeps one primary among the values just set, and removes the attribute when no value is left.</summary>
    public void Finish(JsonArray values, IReadOnlyList<JsonNode> touched)
    {
        if (touched.LastOrDefault(PrimaryValues.IsPrimary) is { } primary)
        {
            PrimaryValues.KeepOnly(values, primary);
        }

        if (values.Count == 0)
        {
            ResourceProperties.Remove(container, definition.Name);
        }
    }

    /// <summary>
    /// True when a value has nothing left but labels (<c>type</c>, <c>primary</c>,
    /// <c>display</c>): after Entra ID clears <c>phoneNumbers[type eq "work"].value</c>, no
    /// <c>{"type": "work"}</c> shell remains.
    /// </summary>
    public static bool IsHollow(JsonObject element) =>
        element.All(p => p.Key.Equals("type", StringComparison.OrdinalIgnoreCase)
            || p.Key.Equals("primary", StringComparison.OrdinalIgnoreCase)
            || p.Key.Equals("display", StringComparison.OrdinalIgnoreCase));
}
