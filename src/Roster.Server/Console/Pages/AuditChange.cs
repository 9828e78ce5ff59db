using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roster.Server.Console.Pages;

/// <summary>
/// One line of an audit event's changes as people read it: the attribute, what it was and what
/// it became. Values are written as they are (<c>+</c>, not <c>\u002B</c>): the page encodes them
/// for HTML itself, so JSON's own escaping of HTML-sensitive characters only hides them.
/// </summary>
/// <param name="Attribute">The changed attribute, or what a list change did (<c>added</c>, <c>removed</c>).</param>
/// <param name="Before">Its value before the change; null when it had none or the change says no before.</param>
/// <param name="After">Its value after the change.</param>
public sealed record AuditChange(string Attribute, string? Before, string? After)
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    /// <summary>The lines of <paramref name="changes"/>: a <c>{"before","after"}</c> pair gives both sides, any other value is what the change set.</summary>
    public static IReadOnlyList<AuditChange> Of(JsonObject changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return [.. changes.Select(c => c.Value is JsonObject pair && (pair.ContainsKey("before") || pair.ContainsKey("after"))
            ? new AuditChange(c.Key, Text(pair["before"]), Text(pair["after"]))
            : new AuditChange(c.Key, null, Text(c.Value)))];
    }

    /// <summary>A string as itself, anything else as compact JSON without escapes a person would have to decode.</summary>
    public static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(Readable),
    };
}
