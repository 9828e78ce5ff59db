namespace Roster.Directory.Listing;

/// <summary>What <see cref="ListingCache"/> keeps, and for how long.</summary>
public sealed class ListingCacheOptions
{
    /// <summary>
    /// Counts below this are always taken afresh: they cost a few milliseconds, and an IdP's
    /// filter for one user (e.g. <c>userName eq</c>) must see its result at once.
    /// </summary>
    public long CacheFrom { get; init; } = 10_000;

    /// <summary>
    /// How long a count or a page bookmark is kept while this node writes nothing to the tenant.
    /// Writes made through other nodes show in them after at most this long.
    /// </summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many counts are kept at most (distinct tenants, resource types and filters).</summary>
    public int MaxEntries { get; init; } = 1_000;

    /// <summary>How many page bookmarks are kept at most (one per walk in progress).</summary>
    public int MaxBookmarks { get; init; } = 10_000;
}
