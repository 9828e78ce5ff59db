namespace Roster.Directory.Events;

/// <summary>
/// A page of a tenant's feed, in commit order. <paramref name="Next"/> is the cursor to ask with
/// next (the last event's sequence, or the head when the page reached it); <paramref name="Head"/>
/// the sequence of the newest committed event when the page was read.
/// </summary>
public sealed record EventPage(IReadOnlyList<FeedEvent> Events, long Next, long Head);
