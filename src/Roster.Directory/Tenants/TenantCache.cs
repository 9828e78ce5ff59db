using System.Collections.Concurrent;

namespace Roster.Directory.Tenants;

/// <summary>
/// Remembers, per tenant and for <see cref="Lifetime"/>, a value every SCIM request
/// needs and administrators rarely change (the SCIM switch, the tenant's schema extensions), so
/// a sync cycle's calls do not each read it. A change made in this process is seen at once:
/// its use case calls <see cref="Invalidate"/> after the commit, and a read that was under way
/// meanwhile (it may have read the row before the commit) is not kept. A change made by another
/// process is seen within the lifetime.
/// </summary>
public sealed class TenantCache<T>(TimeProvider time)
{
    /// <summary>
    /// The bound on how late another process (the CLI, another node) sees a change: short enough
    /// that an administrator's change reaches every node before anyone can act on it, long
    /// enough that a sync cycle's thousands of calls share one read.
    /// </summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, (T Value, DateTimeOffset ReadAt)> _entries = new();
    private readonly Lock _gate = new();
    private long _invalidations;

    public async ValueTask<T> GetAsync(Guid tenantId, Func<Guid, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(tenantId, out var known) && now - known.ReadAt < Lifetime)
        {
            return known.Value;
        }

        var invalidations = Interlocked.Read(ref _invalidations);
        var value = await read(tenantId, cancellationToken);
        lock (_gate)
        {
            // An invalidation since the read started may have committed after the row was read.
            if (_invalidations == invalidations)
            {
                _entries[tenantId] = (value, now);
            }
        }

        return value;
    }

    /// <summary>Forgets a tenant's value; called after a change to it has committed.</summary>
    public void Invalidate(Guid tenantId)
    {
        lock (_gate)
        {
            _invalidations++;
            _entries.TryRemove(tenantId, out _);
        }
    }
}
