using System.Globalization;
using System.Security.Claims;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Localization;

/// <summary>
/// Instants as a person reads them: in their time zone (their profile's <c>timezone</c>, else
/// UTC), with the offset said, in one unambiguous form whatever the language.
/// </summary>
public static class ConsoleClock
{
    public static TimeZoneInfo ZoneOf(ClaimsPrincipal user) =>
        user.TimeZoneName() is { Length: > 0 } name && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTimeOffset Local(ClaimsPrincipal user, DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ZoneOf(user));

    /// <summary><c>2026-05-03 14:05 UTC+09:00</c>; <c>UTC</c> alone for UTC.</summary>
    public static string Format(ClaimsPrincipal user, DateTimeOffset at)
    {
        var local = Local(user, at);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + OffsetLabel(local.Offset);
    }

    /// <summary><c>2026-05-03 14:05:09 UTC+09:00</c>: for logs whose entries are seconds apart (webhook attempts, refused requests).</summary>
    public static string FormatToSecond(ClaimsPrincipal user, DateTimeOffset at)
    {
        var local = Local(user, at);
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " " + OffsetLabel(local.Offset);
    }

    /// <summary>The day only, in the person's time zone.</summary>
    public static string FormatDay(ClaimsPrincipal user, DateTimeOffset at) => Local(user, at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string OffsetLabel(TimeSpan offset) =>
        offset == TimeSpan.Zero ? "UTC" : "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    /// <summary>The name of the person's time zone as the pages show it: its IANA id and current offset.</summary>
    public static string ZoneLabel(ClaimsPrincipal user, DateTimeOffset now)
    {
        var zone = ZoneOf(user);
        return zone == TimeZoneInfo.Utc ? "UTC" : $"{zone.Id} ({OffsetLabel(zone.GetUtcOffset(now))})";
    }

    /// <summary>The instant that ends <paramref name="day"/> in the person's time zone (the last second of that day).</summary>
    public static DateTimeOffset EndOfDay(ClaimsPrincipal user, DateOnly day)
    {
        var zone = ZoneOf(user);
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var next = new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        return next.AddSeconds(-1).ToUniversalTime();
    }
}
