using System.Globalization;

namespace Roster.Server.Tests.Events;

/// <summary>
/// A consumer of the feed that checks the no-gap promise as it reads: every event it is given is
/// the one right after its cursor, so an event that committed before the cursor but showed up
/// later (a gap) fails it at once.
/// </summary>
public sealed class FeedReader(long cursor)
{
    public long Cursor { get; private set; } = cursor;

    public List<string> Types { get; } = [];

    public List<string> Gaps { get; } = [];

    /// <summary>Reads one page through <paramref name="admin"/> and returns how many events it held.</summary>
    public async Task<int> ReadAsync(HttpClient admin, string? extra = null)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var page = await admin.ReadFeedAsync(Cursor, "&limit=50" + extra);
        var events = page["events"]!.AsArray();
        foreach (var e in events)
        {
            var sequence = (long)e!["sequence"]!;
            if (sequence != Cursor + 1)
            {
                Gaps.Add($"after {Cursor} came {sequence}");
            }

            Cursor = sequence;
            Types.Add((string)e["type"]!);
        }

        var next = long.Parse((string)page["next"]!, CultureInfo.InvariantCulture);
        if (next != Cursor)
        {
            Gaps.Add($"page ended at {Cursor} but said next {next}");
        }

        return events.Count;
    }
}
