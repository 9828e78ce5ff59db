using System.Collections.Concurrent;

namespace Roster.Directory.Events;

/// <summary>
/// Tells waiting feed readers and webhook senders that a tenant's feed has grown. A write session
/// that appended events signals its tenant when it commits; on PostgreSQL, the notifications of
/// other nodes' commits are signalled here too. A waiter takes <see cref="Next"/> before it reads
/// the feed, so a commit between its read and its wait still wakes it.
/// </summary>
public sealed class EventSignal
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _tenants = new();
    private TaskCompletionSource _any = New();

    /// <summary>Completes at the next commit of events of <paramref name="tenantId"/>.</summary>
    public Task Next(Guid tenantId) => _tenants.GetOrAdd(tenantId, _ => New()).Task;

    /// <summary>Completes at the next commit of events of any tenant.</summary>
    public Task NextOfAny() => Volatile.Read(ref _any).Task;

    public void Signal(Guid tenantId)
    {
        if (_tenants.TryRemove(tenantId, out var waiting))
        {
            waiting.TrySetResult();
        }

        Interlocked.Exchange(ref _any, New()).TrySetResult();
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
