using System.Collections.Concurrent;

namespace Roster.Directory.Listing;

/// <summary>
/// Keeps large <c>totalResults</c> counts for a few seconds, so that a walk through a big tenant
/// (every page of a million users says how many there are) counts once instead of once a page:
/// a COUNT over a million rows costs tens of milliseconds, a page by cursor a few.
/// A count is reused only while the tenant's write generation on this node is unchanged: every
/// committed write session moves it on (<see cref="WriteCommitted"/>), so a node's own writes
/// show in its next count. Writes through another node show after at most
/// <see cref="ListCountOptions.CacheFor"/>. Small counts are never kept (<see cref="ListCountOptions.CacheFrom"/>).
/// </summary>
public sealed class ListCountCache(TimeProvider time, ListCountOptions options)
{
    private readonly ConcurrentDictionary<Guid, long> _generations = new();
    private readonly ConcurrentDictionary<(Guid Tenant, string Query), Entry> _counts = new();

    /// <summary>Records that a write to <paramref name="tenantId"/> committed: its kept counts are void.</summary>
    public void WriteCommitted(Guid tenantId) => _generations.AddOrUpdate(tenantId, 1, (_, generation) => generation + 1);

    /// <summary>The kept count of <paramref name="query"/> in the tenant, or the one <paramref name="count"/> gives.</summary>
    /// <param name="tenantId">The tenant whose rows are counted.</param>
    /// <param name="query">What is counted: the table and the filter, in a canonical text.</param>
    /// <param name="count">Counts in the database.</param>
    public async Task<long> CountAsync(Guid tenantId, string query, Func<Task<long>> count)
    {
        ArgumentNullException.ThrowIfNull(count);

        // Read before counting: a write committed during the count moves the generation past it.
        var generation = _generations.GetValueOrDefault(tenantId);
        var now = time.GetUtcNow();
        var key = (tenantId, query);
        if (_counts.TryGetValue(key, out var kept) && kept.Generation == generation && kept.Expires > now)
        {
            return kept.Count;
        }

        var counted = await count();
        if (counted >= options.CacheFrom && HasRoomFor(key, now))
        {
            _counts[key] = new Entry(counted, generation, now + options.CacheFor);
        }
        else
        {
            _counts.TryRemove(key, out _);
        }

        return counted;
    }

    private bool HasRoomFor((Guid, string) key, DateTimeOffset now)
    {
        if (_counts.Count < options.MaxEntries || _counts.ContainsKey(key))
        {
            return true;
        }

        foreach (var (expiredKey, _) in _counts.Where(entry => entry.Value.Expires <= now))
        {
            _counts.TryRemove(expiredKey, out _);
        }

        return _counts.Count < options.MaxEntries;
    }

    private readonly record struct Entry(long Count, long Generation, DateTimeOffset Expires);
}
