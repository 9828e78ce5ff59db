using System.Text.Json;

namespace Roster.Bench.Scim;

/// <summary>What a walk needs from one RFC 7644 §3.4.2 ListResponse page (and RFC 9865's <c>nextCursor</c>).</summary>
/// <remarks><c>TotalResults</c> is <c>null</c> when absent, which RFC 9865 allows for cursor pages.</remarks>
internal sealed record ListResponsePage(long? TotalResults, int ResourceCount, string? NextCursor)
{
    public static ListResponsePage? TryParse(byte[] json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            long? totalResults = root.TryGetProperty("totalResults", out JsonElement total) && total.ValueKind == JsonValueKind.Number && total.TryGetInt64(out long value)
                ? value
                : null;

            // RFC 7644 lets a server omit "Resources" on an empty page.
            int count = root.TryGetProperty("Resources", out JsonElement resources) && resources.ValueKind == JsonValueKind.Array
                ? resources.GetArrayLength()
                : 0;
            string? nextCursor = root.TryGetProperty("nextCursor", out JsonElement cursor) && cursor.ValueKind == JsonValueKind.String
                ? cursor.GetString()
                : null;
            return new ListResponsePage(totalResults, count, string.IsNullOrEmpty(nextCursor) ? null : nextCursor);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The <c>id</c> of the first resource of a ListResponse, or null (no match, or not a ListResponse).</summary>
    public static string? FirstResourceId(byte[] json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("Resources", out JsonElement resources)
                && resources.ValueKind == JsonValueKind.Array && resources.GetArrayLength() > 0
                && resources[0].ValueKind == JsonValueKind.Object
                && resources[0].TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
