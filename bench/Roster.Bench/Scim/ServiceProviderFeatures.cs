using System.Text.Json;

namespace Roster.Bench.Scim;

/// <summary>What <c>/ServiceProviderConfig</c> advertises that changes how the bench walks lists.</summary>
internal sealed record ServiceProviderFeatures(bool CursorPagination)
{
    public static ServiceProviderFeatures None { get; } = new(false);

    /// <summary>RFC 9865 §5 advertises cursor paging as <c>"pagination": {"cursor": true}</c>.</summary>
    public static ServiceProviderFeatures Parse(byte[] json)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            bool cursor = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("pagination", out JsonElement pagination)
                && pagination.ValueKind == JsonValueKind.Object
                && pagination.TryGetProperty("cursor", out JsonElement flag)
                && flag.ValueKind == JsonValueKind.True;
            return new ServiceProviderFeatures(cursor);
        }
        catch (JsonException)
        {
            return None;
        }
    }
}
