namespace Roster.Directory.Events;

/// <summary>A read of a tenant's feed: the events after <see cref="After"/>, at most <see cref="Limit"/>, of <see cref="Types"/> (all when empty).</summary>
public sealed record EventFeedQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1_000;

    /// <summary>The longest a reader may wait for an event (<c>wait</c>).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>The sequence of the last event the reader has; 0 for the start of the feed.</summary>
    public long After { get; init; }

    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Exact types or families (<c>user.*</c>); see <see cref="EventTypes.IsPattern"/>.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>How long to wait when nothing is past <see cref="After"/> yet (long polling); zero answers at once.</summary>
    public TimeSpan Wait { get; init; }
}
