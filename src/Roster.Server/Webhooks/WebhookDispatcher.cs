using System.Collections.Concurrent;
using System.Diagnostics;
using Roster.Directory.Events;
using Roster.Directory.Webhooks;

namespace Roster.Server.Webhooks;

/// <summary>
/// Each node's webhook sender. It wakes when a commit appends events (in this process, or on
/// another node through PostgreSQL's notifications) and at least every second, then runs a round
/// for every enabled endpoint that has no round running. Commits' wakes are paced: a round starts
/// no sooner than <see cref="MinRoundInterval"/> after the one before, so a stream of 1,000
/// commits a second costs at most ten look-ups of the endpoints, not one per commit (each a
/// cross-tenant query and a thread's wake-up, also on a node where no tenant has an endpoint);
/// a round that found more to do starts the next at once. New events become deliveries, due ones
/// are claimed with a lease, sent, and recorded. An endpoint's rounds run one at a time and apart
/// from other endpoints', so a slow receiver delays only itself. A failing endpoint is tried with
/// one delivery at a time once its back-off is over, and given up on after
/// <see cref="WebhookOptions.GiveUpAfter"/>: disabled, its events dead letters, its tenant's
/// webhook administrators told by email.
/// </summary>
public sealed partial class WebhookDispatcher(
    WebhookDispatchStore store,
    WebhookSender sender,
    EventSignal signal,
    WebhookOptions options,
    WebhookMail mail,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private const int FanOutBatch = 500;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    /// <summary>The least time from one round's start to the next's when commits wake the sender: what it may add to a delivery's delay.</summary>
    public static readonly TimeSpan MinRoundInterval = TimeSpan.FromMilliseconds(100);

    private long _roundCount;

    // The round running for each endpoint, if any: an endpoint's rounds never overlap.
    private readonly ConcurrentDictionary<(Guid Tenant, Guid Endpoint), Task> _rounds = new();
    private readonly SemaphoreSlim _inFlight = new(options.Concurrency, options.Concurrency);
    private volatile TaskCompletionSource _more = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>This node's name in the leases it takes: unique per process, so a restarted node never mistakes old leases for its own.</summary>
    public string Node { get; } = $"{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>How many times this node has looked up the endpoints (one per round of the sender).</summary>
    public long Rounds => Interlocked.Read(ref _roundCount);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.SendEnabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.NextOfAny();
            var more = _more.Task;
            var started = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _roundCount);
            try
            {
                foreach (var endpoint in await store.EndpointsAsync(stoppingToken))
                {
                    var key = (endpoint.TenantId, endpoint.Id);
                    var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    if (_rounds.TryAdd(key, finished.Task))
                    {
                        _ = Task.Run(() => RoundAsync(key, endpoint, finished, stoppingToken), CancellationToken.None);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRoundFailed(logger, e);
            }

            try
            {
                await Task.WhenAny(wake, more, Task.Delay(Idle, stoppingToken));

                // Commits that wake the sender sooner than the interval wait for it, and are served
                // together by one round; the events of a commit made meanwhile are read by that round,
                // since each round takes the signal before it reads. Real time, as the idle period.
                var early = MinRoundInterval - Stopwatch.GetElapsedTime(started);
                if (!more.IsCompleted && early > TimeSpan.Zero)
                {
                    await Task.WhenAny(more, Task.Delay(early, stoppingToken));
                    stoppingToken.ThrowIfCancellationRequested();
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(_rounds.Values);
    }

    public override void Dispose()
    {
        _inFlight.Dispose();
        base.Dispose();
    }

    private async Task RoundAsync((Guid Tenant, Guid Endpoint) key, EndpointWork endpoint, TaskCompletionSource finished, CancellationToken cancellationToken)
    {
        try
        {
            if (await WorkAsync(endpoint, cancellationToken))
            {
                // There may be more: the next round starts without waiting for a signal.
                Interlocked.Exchange(ref _more, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogRoundFailed(logger, e);
        }
        finally
        {
            _rounds.TryRemove(key, out _);
            finished.TrySetResult();
        }
    }

    /// <summary>One round for one endpoint; true when it did something (so there may be more to do).</summary>
    private async Task<bool> WorkAsync(EndpointWork endpoint, CancellationToken cancellationToken)
    {
        var busy = false;
        if (endpoint.Cursor < endpoint.Head)
        {
            busy = await store.FanOutAsync(endpoint, FanOutBatch, cancellationToken) > 0;
        }

        var now = time.GetUtcNow();
        if (endpoint.FailingSince is { } since && now - since >= options.GiveUpAfter)
        {
            if (await store.GiveUpAsync(endpoint, cancellationToken) is { } givenUp)
            {
                LogGaveUp(logger, givenUp.TenantId, givenUp.Id, givenUp.DeadLetters);
                await mail.SendGivenUpAsync(givenUp, cancellationToken);
            }

            return busy;
        }

        if (endpoint.RetryAt is { } retry && retry > now)
        {
            return busy;
        }

        // A failing endpoint is probed with one delivery; a healthy one gets a batch.
        var claimed = await store.ClaimAsync(endpoint, Node, endpoint.Failures > 0 ? 1 : options.ClaimBatch, cancellationToken);
        if (claimed.Count == 0)
        {
            return busy;
        }

        var outcomes = await Task.WhenAll(claimed.Select(d => SendAsync(endpoint, d, cancellationToken)));
        await store.CompleteAsync(endpoint, Node, outcomes, cancellationToken);
        return true;
    }

    private async Task<DeliveryOutcome> SendAsync(EndpointWork endpoint, ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        if (delivery.Payload is null)
        {
            return new DeliveryOutcome(delivery, delivery.EventId, delivery.Type, time.GetUtcNow(), TimeSpan.Zero, "", null, null,
                "The event is older than the feed keeps; it cannot be sent.");
        }

        await _inFlight.WaitAsync(cancellationToken);
        try
        {
            return await sender.SendAsync(endpoint, delivery, delivery.EventId, delivery.Type, delivery.Payload, cancellationToken);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook round failed; it is tried again.")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} of tenant {TenantId} failed too long and was disabled; {DeadLetters} events are dead letters.")]
    private static partial void LogGaveUp(ILogger logger, Guid tenantId, Guid endpointId, long deadLetters);
}
