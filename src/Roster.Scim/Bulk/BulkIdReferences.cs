using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roster.Scim.Bulk;

/// <summary>
/// <c>bulkId:xyz</c> references (RFC 7644 section 3.7.2): a string value (anywhere in an
/// operation's data, e.g. <c>members[].value</c>) or a path segment that names the resource
/// another operation of the same request creates, replaced by its id once it exists.
/// </summary>
public static class BulkIdReferences
{
    /// <summary>The prefix of a reference.</summary>
    public const string Prefix = "bulkId:";

    /// <summary>The bulkIds named in <paramref name="path"/> and <paramref name="data"/>.</summary>
    public static HashSet<string> Find(string path, JsonNode? data)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in path.Split('/'))
        {
            if (segment.StartsWith(Prefix, StringComparison.Ordinal))
            {
                found.Add(segment[Prefix.Length..]);
            }
        }

        var pending = new Stack<JsonNode>();
        if (data is not null)
        {
            pending.Push(data);
        }

        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var (_, value) in o)
                    {
                        if (value is not null)
                        {
                            pending.Push(value);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var value in a)
                    {
                        if (value is not null)
                        {
                            pending.Push(value);
                        }
                    }

                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { } text && text.StartsWith(Prefix, StringComparison.Ordinal):
                    found.Add(text[Prefix.Length..]);
                    break;
                default:
                    break;
            }
        }

        return found;
    }

    /// <summary>
    /// <paramref name="path"/> and a copy of <paramref name="data"/> with every reference replaced
    /// by the id <paramref name="ids"/> gives it; every reference must be in <paramref name="ids"/>.
    /// </summary>
    public static (string Path, JsonObject? Data) Resolve(string path, JsonObject? data, IReadOnlyDictionary<string, string> ids)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(ids);
        var resolvedPath = string.Join('/', path.Split('/').Select(s => s.StartsWith(Prefix, StringComparison.Ordinal) ? ids[s[Prefix.Length..]] : s));
        return (resolvedPath, data is null ? null : (JsonObject)Replace(data.DeepClone(), ids));
    }

    /// <summary>Replaces the references in <paramref name="node"/>'s own tree (a copy made for it).</summary>
    private static JsonNode Replace(JsonNode node, IReadOnlyDictionary<string, string> ids)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    var value = o[name];
                    if (value is not null && ResolvedOrNull(value, ids) is { } id)
                    {
                        o[name] = id;
                    }
                    else if (value is JsonObject or JsonArray)
                    {
                        Replace(value, ids);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is { } item && ResolvedOrNull(item, ids) is { } id)
                    {
                        a[i] = id;
                    }
                    else if (a[i] is JsonObject or JsonArray)
                    {
                        Replace(a[i]!, ids);
                    }
                }

                break;
            default:
                break;
        }

        return node;
    }

    private static JsonValue? ResolvedOrNull(JsonNode node, IReadOnlyDictionary<string, string> ids) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is { } text && text.StartsWith(Prefix, StringComparison.Ordinal)
            ? JsonValue.Create(ids[text[Prefix.Length..]])
            : null;
}
