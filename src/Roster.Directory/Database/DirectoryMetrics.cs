using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Roster.Directory.Database;

/// <summary>
/// The directory's measurements (meter <see cref="MeterName"/>, beside the activity source
/// <see cref="DirectoryActivities.SourceName"/>): how long each SCIM change takes and how it ended
/// (<see cref="Telemetry.DirectoryChangeLog"/>), how long writes take from asking for the write
/// gate to their commit or rollback, how many writers wait for the gate (SQLite's one writer;
/// always 0 on PostgreSQL), and how many sessions hold a connection now. Free when nothing listens; OpenTelemetry subscribes to the meter by name.
/// Tags carry kinds and outcomes only, never a tenant, a value or a statement.
/// </summary>
public static class DirectoryMetrics
{
    public const string MeterName = "Roster.Directory";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> WriteDuration = Meter.CreateHistogram(
        "roster.db.write.duration", "s", "Time of one write transaction, from asking for the write gate to its commit or rollback.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly UpDownCounter<long> GateWaiting = Meter.CreateUpDownCounter<long>(
        "roster.db.write_gate.waiting", "{writer}", "Writers waiting for the write gate (SQLite's single writer).");

    private static readonly UpDownCounter<long> Sessions = Meter.CreateUpDownCounter<long>(
        "roster.db.sessions", "{session}", "Sessions holding a database connection, by kind (read or write).");

    private static readonly Counter<long> StatisticsRefreshes = Meter.CreateCounter<long>(
        "roster.db.statistics.refreshed", "{refresh}", "Planner statistics refreshed after a transaction changed many rows of a table, by table.");

    private static readonly Histogram<double> ChangeDuration = Meter.CreateHistogram(
        "roster.directory.change.duration", "s", "Time of one SCIM change to the directory (create, replace, patch, delete), by resource type, operation and outcome.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    internal static void ChangeFinished(string resourceType, string operation, string outcome, TimeSpan elapsed) => ChangeDuration.Record(
        elapsed.TotalSeconds,
        new KeyValuePair<string, object?>("roster.resource.type", resourceType),
        new KeyValuePair<string, object?>("roster.operation", operation),
        new KeyValuePair<string, object?>("roster.outcome", outcome));

    internal static void StatisticsRefreshed(string table) => StatisticsRefreshes.Add(1, new KeyValuePair<string, object?>("roster.db.table", table));

    internal static void WaitingForGate(int delta) => GateWaiting.Add(delta);

    internal static void SessionOpened(bool write) => Sessions.Add(1, new KeyValuePair<string, object?>("roster.db.session.kind", write ? "write" : "read"));

    internal static void SessionClosed(bool write) => Sessions.Add(-1, new KeyValuePair<string, object?>("roster.db.session.kind", write ? "write" : "read"));

    internal static void WriteFinished(long startedTimestamp, bool committed) => WriteDuration.Record(
        Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds,
        new KeyValuePair<string, object?>("roster.db.write.outcome", committed ? "committed" : "rolled_back"));
}
