using System.Diagnostics.Metrics;
using Roster.Directory.Telemetry;

namespace Roster.Server.Telemetry;

/// <summary>
/// Roster's own instruments (meter <see cref="MeterName"/>): SCIM operations by identity provider
/// and outcome with their duration, refused requests by reason, and the depth of every queue that
/// registered an <see cref="IQueueDepth"/>. Labels are kinds and outcomes only: no tenant, no
/// credential, no attribute value.
/// </summary>
public sealed class RosterMetrics
{
    public const string MeterName = "Roster";

    private readonly Histogram<double> _scimOperations;
    private readonly Counter<long> _refused;

    public RosterMetrics(IMeterFactory meters, IEnumerable<IQueueDepth> queues)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _scimOperations = meter.CreateHistogram(
            "roster.scim.operation.duration", "s", "SCIM operations by identity provider, operation, resource type and outcome, with their duration.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _refused = meter.CreateCounter<long>("roster.requests.refused", "{request}", "Requests refused, by reason and client kind.");
        var registered = queues.ToList();
        meter.CreateObservableGauge(
            "roster.queue.depth",
            () => registered.Select(q => new Measurement<long>(q.Depth, new KeyValuePair<string, object?>("roster.queue", q.Queue))),
            "{item}",
            "Items waiting in each asynchronous queue.");
    }

    public void ScimOperationEnded(ScimOperation operation, string client, string outcome, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _scimOperations.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>(ScimOperation.NameTag, operation.Name),
            new KeyValuePair<string, object?>(ScimOperation.ResourceTag, operation.Resource),
            new KeyValuePair<string, object?>(ClientKinds.Tag, client),
            new KeyValuePair<string, object?>(ScimOutcome.Tag, outcome));
    }

    public void Refused(string reason, string client) => _refused.Add(
        1,
        new KeyValuePair<string, object?>(RefusalReasons.Tag, reason),
        new KeyValuePair<string, object?>(ClientKinds.Tag, client));
}
