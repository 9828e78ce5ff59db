using System.Globalization;

namespace Roster.Directory.Resources;

/// <summary>
/// The one text form of stored times: UTC, millisecond precision, fixed width
/// (<c>2026-05-01T10:20:30.123Z</c>), so that comparing the text compares the times. It is what
/// <c>meta.created</c> and <c>meta.lastModified</c> show and what the database compares.
/// </summary>
public static class ScimDateTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <summary>The time cut to whole milliseconds, the precision stored.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    public static string ToText(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Reads the fixed form written by <see cref="ToText"/>.</summary>
    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// Parses an xsd:dateTime as a client writes it (RFC 7643 section 2.3.5): it must start with
    /// <c>yyyy-mm-dd</c>, may have fractional seconds and an offset; none means UTC. The same
    /// rule as the in-memory filter evaluator, so loose formats never compare as dates.
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text?.Trim();
        return trimmed is { Length: >= 10 }
            && char.IsAsciiDigit(trimmed[0]) && char.IsAsciiDigit(trimmed[1]) && char.IsAsciiDigit(trimmed[2]) && char.IsAsciiDigit(trimmed[3])
            && trimmed[4] == '-' && char.IsAsciiDigit(trimmed[5]) && char.IsAsciiDigit(trimmed[6])
            && trimmed[7] == '-' && char.IsAsciiDigit(trimmed[8]) && char.IsAsciiDigit(trimmed[9])
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
