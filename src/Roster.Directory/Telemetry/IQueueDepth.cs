namespace Roster.Directory.Telemetry;

/// <summary>
/// Work waiting in one of Roster's asynchronous queues, reported as the gauge
/// <c>roster.queue.depth</c> tagged <c>roster.queue=</c><see cref="Queue"/>. A feature that queues
/// work (webhook deliveries, for one) registers an implementation as a singleton
/// (<c>services.AddSingleton&lt;IQueueDepth, ...&gt;()</c>); the gauge reads every registered one
/// at each collection, so <see cref="Depth"/> must be cheap (a counter, not a query per call).
/// </summary>
public interface IQueueDepth
{
    /// <summary>A short, fixed name such as <c>webhook_deliveries</c>: a metric label, never a tenant or a value.</summary>
    string Queue { get; }

    /// <summary>Items waiting now.</summary>
    long Depth { get; }
}
