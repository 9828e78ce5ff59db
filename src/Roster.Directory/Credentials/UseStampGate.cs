using System.Collections.Concurrent;

namespace Roster.Directory.Credentials;

/// <summary>
/// Lets a credential's "last used" be written at most once a minute per credential and node, so
/// that checking a credential on every request does not turn every read into a write. Many
/// requests may see the same stale stamp at once; exactly one of them is let through.
/// </summary>
internal sealed class UseStampGate
{
    public static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _written = new();

    /// <summary>True for the one caller that should write the stamp of <paramref name="id"/> now.</summary>
    public bool TryEnter(Guid id, DateTimeOffset now)
    {
        if (!_written.TryGetValue(id, out var previous))
        {
            return _written.TryAdd(id, now);
        }

        return now - previous >= Resolution && _written.TryUpdate(id, now, previous);
    }

    /// <summary>After a failed write, so the next use tries again.</summary>
    public void Forget(Guid id) => _written.TryRemove(id, out _);
}
