using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Groups;

namespace Roster.Server.Scim.Http;

/// <summary>
/// A derived attribute of a response (a big group's <c>members</c>, a user's <c>groups</c>) whose
/// values are written as they are read from the database (<see cref="DeferredMemberships"/>),
/// inside <see cref="Owner"/>, where the attribute would stand (before <c>meta</c>), with the
/// sub-attributes the request's projection keeps and each value's <c>$ref</c>.
/// </summary>
/// <param name="Owner">The rendered resource the attribute belongs to.</param>
/// <param name="Keys">The sub-attributes to write, in order (<c>value</c>, <c>display</c>, <c>type</c>, <c>$ref</c>).</param>
/// <param name="ScimBase">The request's SCIM base URL, for <c>$ref</c>.</param>
/// <param name="Values">The values.</param>
public sealed record StreamedValues(JsonObject Owner, IReadOnlyList<string> Keys, string ScimBase, DeferredMemberships Values)
{
    // A few tens of kilobytes at a time reach the client; the rest of the body is never held.
    private const int FlushFrom = 32 * 1024;

    /// <summary>Writes the attribute and its values, if it has any; flushes the response as it goes.</summary>
    public async Task WriteAsync(Utf8JsonWriter writer, PipeWriterFlush flush, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(flush);
        var started = false;

        // The writer hands full buffers to the response's pipe by itself, but only a flush sends
        // them: without one the pipe would keep the whole body.
        var flushedAt = writer.BytesCommitted + writer.BytesPending;
        await foreach (var value in Values.ReadAsync(cancellationToken))
        {
            if (!started)
            {
                writer.WritePropertyName(Values.Attribute);
                writer.WriteStartArray();
                started = true;
            }

            writer.WriteStartObject();
            foreach (var key in Keys)
            {
                if (key == "$ref")
                {
                    writer.WriteString(key, Reference(value));
                }
                else if (value[key] is { } sub)
                {
                    writer.WritePropertyName(key);
                    sub.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
            if (writer.BytesCommitted + writer.BytesPending - flushedAt >= FlushFrom)
            {
                await flush(writer, cancellationToken);
                flushedAt = writer.BytesCommitted + writer.BytesPending;
            }
        }

        if (started)
        {
            writer.WriteEndArray();
        }
    }

    // As ResourceRenderer writes it for values held in the document: a user's groups are groups; a member is what its type says.
    private string Reference(JsonObject value)
    {
        var endpoint = Values.Attribute == "groups" || string.Equals((string?)value["type"], "Group", StringComparison.OrdinalIgnoreCase) ? "/Groups" : "/Users";
        return $"{ScimBase}{endpoint}/{(string?)value["value"]}";
    }
}

/// <summary>Sends what <paramref name="writer"/> holds to the client.</summary>
/// <param name="writer">The body's writer.</param>
/// <param name="cancellationToken">Cancels the flush.</param>
public delegate Task PipeWriterFlush(Utf8JsonWriter writer, CancellationToken cancellationToken);
