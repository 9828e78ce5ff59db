using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Roster.Scim.Errors;

namespace Roster.Directory.Listing;

/// <summary>
/// A cursor of RFC 9865 cursor paging: the sort key and id of the last resource of a page, so
/// the next page starts strictly after it (keyset pagination) however many resources were
/// created or deleted meanwhile. Opaque to clients: base64url of a small JSON payload plus a
/// truncated SHA-256 that detects damaged or edited cursors, bound to the query (tenant,
/// filter, sort) it was issued for. It holds no secret and grants nothing: every page is still
/// filtered by the caller's tenant.
/// </summary>
internal sealed record ListCursor(bool KeyIsNull, object? Key, Guid LastId)
{
    private const int ChecksumLength = 12;

    public string Encode(ReadOnlySpan<byte> query)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBase64String("q", query);
            writer.WriteString("i", LastId);
            writer.WriteBoolean("n", KeyIsNull);
            switch (Key)
            {
                case string text:
                    writer.WriteString("s", text);
                    break;
                case long integer:
                    writer.WriteNumber("l", integer);
                    break;
                case double real:
                    writer.WriteNumber("d", real);
                    break;
                case byte[] bytes:
                    writer.WriteBase64String("b", bytes);
                    break;

                // Sort keys as PostgreSQL returns them (numeric, boolean, timestamptz, uuid).
                case decimal number:
                    writer.WriteNumber("m", number);
                    break;
                case bool flag:
                    writer.WriteBoolean("f", flag);
                    break;
                case DateTime time:
                    writer.WriteString("t", new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)));
                    break;
                case DateTimeOffset time:
                    writer.WriteString("t", time.ToUniversalTime());
                    break;
                case Guid key:
                    writer.WriteString("g", key);
                    break;
            }

            writer.WriteEndObject();
        }

        var payload = buffer.ToArray();
        var token = new byte[payload.Length + ChecksumLength];
        payload.CopyTo(token, 0);
        Checksum(payload).CopyTo(token.AsSpan(payload.Length));
        return Base64Url.EncodeToString(token);
    }

    public static ScimResult<ListCursor> Decode(string text, ReadOnlySpan<byte> query)
    {
        byte[] token;
        try
        {
            token = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return Malformed();
        }

        if (token.Length <= ChecksumLength)
        {
            return Malformed();
        }

        var payload = token.AsSpan(0, token.Length - ChecksumLength);
        if (!CryptographicOperations.FixedTimeEquals(Checksum(payload), token.AsSpan(payload.Length)))
        {
            return Malformed();
        }

        try
        {
            using var json = JsonDocument.Parse(payload.ToArray());
            var root = json.RootElement;
            if (!root.GetProperty("q").GetBytesFromBase64().AsSpan().SequenceEqual(query))
            {
                return ScimError.InvalidCursor("The cursor was issued for another query: keep the filter, sortBy and sortOrder of the first page.");
            }

            object? key = root.TryGetProperty("s", out var s) ? s.GetString()
                : root.TryGetProperty("l", out var l) ? l.GetInt64()
                : root.TryGetProperty("d", out var d) ? d.GetDouble()
                : root.TryGetProperty("b", out var b) ? b.GetBytesFromBase64()
                : root.TryGetProperty("m", out var m) ? m.GetDecimal()
                : root.TryGetProperty("f", out var f) ? f.GetBoolean()
                : root.TryGetProperty("t", out var t) ? t.GetDateTimeOffset()
                : root.TryGetProperty("g", out var g) ? g.GetGuid()
                : null;
            return new ListCursor(root.GetProperty("n").GetBoolean(), key, root.GetProperty("i").GetGuid());
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return Malformed();
        }
    }

    /// <summary>The fingerprint of a query that cursors are bound to.</summary>
    public static byte[] QueryFingerprint(string query) => SHA256.HashData(Encoding.UTF8.GetBytes(query))[..8];

    private static byte[] Checksum(ReadOnlySpan<byte> payload)
    {
        var salted = new byte[payload.Length + Salt.Length];
        Salt.CopyTo(salted);
        payload.CopyTo(salted.AsSpan(Salt.Length));
        return SHA256.HashData(salted)[..ChecksumLength];
    }

    private static ReadOnlySpan<byte> Salt => "roster-scim-cursor-v1"u8;

    private static ScimError Malformed() =>
        ScimError.InvalidCursor("The cursor is not one Roster issued, or it was damaged: start again without a cursor value.");
}
