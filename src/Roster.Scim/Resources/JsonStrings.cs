using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roster.Scim.Resources;

/// <summary>
/// Reads JSON strings from nodes whatever backs them: a node parsed from text holds a
/// <see cref="JsonElement"/>, but one built in code may hold a <see cref="Guid"/> or a
/// <see cref="DateTimeOffset"/> that serialises as a string and that
/// <c>GetValue&lt;string&gt;()</c> refuses.
/// </summary>
internal static class JsonStrings
{
    /// <summary>True when <paramref name="node"/> is a JSON string; <paramref name="text"/> is its value.</summary>
    public static bool TryGet(JsonNode? node, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        text = value.TryGetValue<string>(out var direct) ? direct : JsonSerializer.Deserialize<string>(value.ToJsonString());
        return text is not null;
    }
}
