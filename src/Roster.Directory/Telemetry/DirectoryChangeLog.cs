using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Scim.Errors;

namespace Roster.Directory.Telemetry;

/// <summary>
/// One structured log line and one measurement (<see cref="DirectoryMetrics"/>) per SCIM change
/// to the directory: the tenant, the client kind, the resource type, the operation, the outcome
/// and how long it took. Never an attribute value, an id, a filter or a secret: what was changed
/// is in the audit log, which only the tenant's administrators read.
/// </summary>
public sealed partial class DirectoryChangeLog(ILogger<DirectoryChangeLog> logger)
{
    /// <summary>The outcome of a change that succeeded.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The outcome of a change that ended in an exception (rethrown).</summary>
    public const string Failed = "failed";

    internal async Task<ScimResult<T>> RecordAsync<T>(ScimCaller caller, string resourceType, string operation, Func<Task<ScimResult<T>>> change)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = Failed;
        try
        {
            var result = await change();
            outcome = result.IsSuccess ? Succeeded : OutcomeOf(result.Error);
            return result;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            DirectoryMetrics.ChangeFinished(resourceType, operation, outcome, elapsed);
            // A change that succeeded is already in the tenant's audit log and on the meter: its
            // line is Debug, off by default, since formatting and writing a line per change cost
            // more CPU than the change's own transaction. One that failed is Information: the
            // audit log has no row for it, and the line is what an operator diagnoses it by.
            var level = outcome == Succeeded ? LogLevel.Debug : LogLevel.Information;
            Changed(logger, level, operation, resourceType, caller.TenantId, caller.Client, outcome, elapsed.TotalMilliseconds);
        }
    }

    /// <summary>The SCIM error type (e.g. <c>uniqueness</c>), else the status code: a kind, never the detail, which may quote a value.</summary>
    private static string OutcomeOf(ScimError error) =>
        error.ScimType ?? ((int)error.Status).ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 4001,
        Message = "Directory change: {Operation} {ResourceType} in tenant {TenantId} by {Client}: {Outcome} in {DurationMs:0.0} ms")]
    private static partial void Changed(ILogger logger, LogLevel level, string operation, string resourceType, Guid tenantId, string client, string outcome, double durationMs);
}
