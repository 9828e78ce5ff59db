using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace Roster.Scim.Resources;

/// <summary>
/// Case-insensitive access to the members of a SCIM JSON object. Attribute names are
/// case-insensitive (RFC 7643 section 2.1), but a resource is always written back with the
/// schema's spelling, at the position the attribute already had.
/// </summary>
internal static class ResourceProperties
{
    /// <summary>Finds a member by name, ignoring case; <paramref name="key"/> is its spelling in <paramref name="json"/>.</summary>
    public static bool TryGet(JsonObject json, string name, [NotNullWhen(true)] out string? key, out JsonNode? value)
    {
        if (json.TryGetPropertyValue(name, out value))
        {
            key = name;
            return true;
        }

        foreach (var (candidate, candidateValue) in json)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                key = candidate;
                value = candidateValue;
                return true;
            }
        }

        key = null;
        value = null;
        return false;
    }

    /// <summary>The member's value, ignoring case; null when absent or JSON null.</summary>
    public static JsonNode? Get(JsonObject json, string name) =>
        TryGet(json, name, out _, out var value) ? value : null;

    /// <summary>
    /// Sets <paramref name="canonicalName"/>, replacing every spelling of it that differs only in
    /// case and keeping the position of the first. <paramref name="value"/> must have no parent.
    /// </summary>
    public static void Set(JsonObject json, string canonicalName, JsonNode? value)
    {
        var position = RemoveAll(json, canonicalName);
        if (position < 0)
        {
            json[canonicalName] = value;
        }
        else
        {
            json.Insert(position, canonicalName, value);
        }
    }

    /// <summary>Removes every spelling of <paramref name="name"/>; true when something was removed.</summary>
    public static bool Remove(JsonObject json, string name) => RemoveAll(json, name) >= 0;

    /// <summary>
    /// The object stored under <paramref name="name"/>, renamed to <paramref name="name"/>'s
    /// spelling; created empty when <paramref name="create"/> and absent (or not an object).
    /// </summary>
    public static JsonObject? GetObject(JsonObject json, string name, bool create)
    {
        if (TryGet(json, name, out var key, out var value) && value is JsonObject existing)
        {
            if (!string.Equals(key, name, StringComparison.Ordinal))
            {
                existing = (JsonObject)existing.DeepClone();
                Set(json, name, existing);
            }

            return existing;
        }

        if (!create)
        {
            return null;
        }

        var created = new JsonObject();
        Set(json, name, created);
        return created;
    }

    /// <summary>Removes every case-variant of the name; the index of the first removed, or -1.</summary>
    private static int RemoveAll(JsonObject json, string name)
    {
        var first = -1;
        for (var i = json.Count - 1; i >= 0; i--)
        {
            if (string.Equals(json.GetAt(i).Key, name, StringComparison.OrdinalIgnoreCase))
            {
                json.RemoveAt(i);
                first = i;
            }
        }

        return first;
    }
}
