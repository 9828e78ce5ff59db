using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roster.Scim.Filtering;

/// <summary>
/// Reads SCIM JSON documents the tolerant way: attribute names match ignoring case (RFC 7643
/// section 2.1) and scalars are read whatever CLR value backs a <see cref="JsonValue"/>.
/// </summary>
internal static class ScimJson
{
    /// <summary>The property named <paramref name="name"/>, ignoring case; an exact match wins.</summary>
    public static JsonNode? Property(JsonObject container, string name)
    {
        if (container.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }

        foreach (var (key, value) in container)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The elements of an array, the node itself otherwise, nothing for null.</summary>
    public static IEnumerable<JsonNode?> Items(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            return array;
        }

        return node is null ? [] : [node];
    }

    /// <summary>
    /// The <c>pr</c> test of RFC 7644: not null, not an empty string, not an empty array or
    /// object, and for arrays and objects at least one member that itself has a value.
    /// </summary>
    public static bool HasValue(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Any(HasValue),
        JsonObject obj => obj.Any(p => HasValue(p.Value)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => false,
            JsonValueKind.String => AsText(value) is { Length: > 0 },
            _ => true,
        },
        _ => false,
    };

    /// <summary>A scalar as text: a string as is, a number as written, a boolean as <c>true</c>/<c>false</c>.</summary>
    public static string? AsText(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                if (value.TryGetValue<string>(out var text))
                {
                    return text;
                }

                using (var document = JsonDocument.Parse(value.ToJsonString()))
                {
                    return document.RootElement.GetString();
                }

            case JsonValueKind.Number:
                return value.ToJsonString();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                return null;
        }
    }

    /// <summary>A number, or a string holding one (tolerated: some IdPs send integers as strings).</summary>
    public static bool TryGetNumber(JsonValue value, out decimal number)
    {
        number = 0;
        var kind = value.GetValueKind();
        return kind is JsonValueKind.Number or JsonValueKind.String
            && AsText(value) is { } text
            && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>
    /// A boolean, or a string holding one: Entra ID sends <c>"True"</c>/<c>"False"</c> for booleans
    /// in PATCH requests unless the <c>aadOptscim062020</c> flag is on (Microsoft Learn, "Known
    /// issues and resolutions with SCIM 2.0 protocol compliance"), and such values get stored.
    /// </summary>
    public static bool? AsBoolean(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(AsText(value)?.Trim(), out var parsed) => parsed,
        _ => null,
    };
}
