using System.Globalization;

namespace Roster.Directory.Resources;

/// <summary>The version behind a resource's ETag and <c>meta.version</c>: <c>W/"3"</c> (RFC 7644 section 3.14).</summary>
public static class ResourceVersion
{
    public static string ToETag(long version) => $"W/\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Reads <c>W/"3"</c>, <c>"3"</c> or <c>3</c>; null for anything else (which then matches no version).</summary>
    public static long? FromETag(string? etag)
    {
        if (etag is null)
        {
            return null;
        }

        var text = etag.Trim();
        if (text.StartsWith("W/", StringComparison.OrdinalIgnoreCase))
        {
            text = text[2..];
        }

        text = text.Trim('"');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
