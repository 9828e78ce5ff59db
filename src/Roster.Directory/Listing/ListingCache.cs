using System.Collections.Concurrent;

namespace Roster.Directory.Listing;

/// <summary>
/// What lets a walk through a big tenant cost the same on its last page as on its first:
/// <list type="bullet">
/// <item><b>Large counts</b>, kept for a few seconds: every page of a million users says how many
/// there are, and a COUNT over a million rows costs tens of milliseconds where a page costs a few.
/// Small counts are never kept (<see cref="ListingCacheOptions.CacheFrom"/>).</item>
/// <item><b>Page bookmarks</b>: where a <c>startIndex</c> page ended (the sort key and id of its
/// last row), so that the next page, asked for with the next <c>startIndex</c> as IdPs walk,
/// starts right after it by the index (keyset) instead of skipping every row before it.</item>
/// </list>
/// Both are used only while the tenant's write generation on this node is unchanged: every
/// committed write session moves it on (<see cref="WriteCommitted"/>), so a node's own writes
/// show at once, and then the answer is exactly what the plain query gives. Writes through
/// another node show after at most <see cref="ListingCacheOptions.CacheFor"/>.
/// </summary>
public sealed class ListingCache(TimeProvider time, ListingCacheOptions options)
{
    private readonly ConcurrentDictionary<Guid, long> _generations = new();
    private readonly ConcurrentDictionary<(Guid Tenant, string Query), Kept<long>> _counts = new();
    private readonly ConcurrentDictionary<(Guid Tenant, string Query, long Offset), Kept<ListCursor>> _bookmarks = new();

    /// <summary>Records that a write to <paramref name="tenantId"/> committed: its kept counts and bookmarks are void.</summary>
    public void WriteCommitted(Guid tenantId) => _generations.AddOrUpdate(tenantId, 1, (_, generation) => generation + 1);

    /// <summary>The tenant's write generation; read it before a query whose result is to be kept.</summary>
    public long Generation(Guid tenantId) => _generations.GetValueOrDefault(tenantId);

    /// <summary>The kept count of <paramref name="query"/> in the tenant, or the one <paramref name="count"/> gives.</summary>
    /// <param name="tenantId">The tenant whose rows are counted.</param>
    /// <param name="query">What is counted: the table and the filter, in a canonical text.</param>
    /// <param name="count">Counts in the database.</param>
    public async Task<long> CountAsync(Guid tenantId, string query, Func<Task<long>> count)
    {
        ArgumentNullException.ThrowIfNull(count);

        // Read before counting: a write committed during the count moves the generation past it.
        var generation = Generation(tenantId);
        var now = time.GetUtcNow();
        var key = (tenantId, query);
        if (_counts.TryGetValue(key, out var kept) && kept.Generation == generation && kept.Expires > now)
        {
            return kept.Value;
        }

        var counted = await count();
        if (counted >= options.CacheFrom && HasRoom(_counts, key, options.MaxEntries, now))
        {
            _counts[key] = new Kept<long>(counted, generation, now + options.CacheFor);
        }
        else
        {
            _counts.TryRemove(key, out _);
        }

        return counted;
    }

    /// <summary>Where the rows before <paramref name="offset"/> of <paramref name="query"/> ended, if a page ended there in this generation.</summary>
    internal ListCursor? FindBookmark(Guid tenantId, string query, long offset, long generation)
    {
        // Taken, not read: a walk leaves one bookmark behind it, not one per page.
        return _bookmarks.TryRemove((tenantId, query, offset), out var kept) && kept.Generation == generation && kept.Expires > time.GetUtcNow()
            ? kept.Value
            : null;
    }

    /// <summary>Remembers that the first <paramref name="offset"/> rows of <paramref name="query"/> end at <paramref name="last"/>.</summary>
    internal void RememberBookmark(Guid tenantId, string query, long offset, ListCursor last, long generation)
    {
        var now = time.GetUtcNow();
        var key = (tenantId, query, offset);
        if (HasRoom(_bookmarks, key, options.MaxBookmarks, now))
        {
            _bookmarks[key] = new Kept<ListCursor>(last, generation, now + options.CacheFor);
        }
    }

    private static bool HasRoom<TKey, TValue>(ConcurrentDictionary<TKey, Kept<TValue>> kept, TKey key, int max, DateTimeOffset now)
        where TKey : notnull
    {
        if (kept.Count < max || kept.ContainsKey(key))
        {
            return true;
        }

        foreach (var (expiredKey, _) in kept.Where(entry => entry.Value.Expires <= now))
        {
            kept.TryRemove(expiredKey, out _);
        }

        return kept.Count < max;
    }

    private readonly record struct Kept<T>(T Value, long Generation, DateTimeOffset Expires);
}
