namespace Roster.Directory.Events;

/// <summary>One event of a feed page: its sequence, type, and its JSON as consumers receive it (sequence included).</summary>
public sealed record FeedEvent(long Sequence, string Type, string Json);
