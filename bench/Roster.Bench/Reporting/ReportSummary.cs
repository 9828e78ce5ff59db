using Roster.Bench.Measurement;

namespace Roster.Bench.Reporting;

/// <summary>
/// The report printed at the end: every phase line again (without the error bodies in between), the
/// server's memory, and the headline figures Roster's performance targets are stated in.
/// </summary>
internal static class ReportSummary
{
    public static void Write(TextWriter output, string runId, IReadOnlyList<PhaseResult> results, ServerMemoryReport? memory, int concurrency, bool interrupted)
    {
        output.WriteLine();
        output.WriteLine($"== report, run {runId}, {Environment.ProcessorCount} cores{(interrupted ? ", INTERRUPTED" : string.Empty)} ==");
        output.WriteLine(PhaseLine.Header);
        foreach (PhaseResult result in results)
        {
            output.WriteLine(PhaseLine.Format(result));
        }

        output.WriteLine();
        if (Find(results, "create") is { Requests: > 0 } create)
        {
            output.WriteLine($"  users created/s      : {create.RequestsPerSecond:0.0} at concurrency {concurrency} ({create.Requests} users, {create.Errors} errors)");
        }

        if (Find(results, "lookup") is { Latency: LatencySummary lookupLatency } lookup)
        {
            string size = lookup.Metrics.TryGetValue("directoryUsers", out double users) ? $"{users:0} users" : "unknown size";
            output.WriteLine($"  userName eq lookups  : {lookup.RequestsPerSecond:0.0}/s, p99 {lookupLatency.P99Ms:0.00} ms at {size}");
        }

        if (Find(results, "bigmember-add1") is { Latency: LatencySummary addLatency } add)
        {
            double groupSize = add.Metrics.GetValueOrDefault("groupSize");
            output.WriteLine($"  add one member       : p50 {addLatency.P50Ms:0.00} ms, p99 {addLatency.P99Ms:0.00} ms to a group of {groupSize:0} members");
        }

        if (memory is not null)
        {
            string gone = memory.ProcessGone ? " (process had exited: last reading)" : string.Empty;
            output.WriteLine($"  server peak RSS      : {memory.PeakRssMb:0.0} MB VmHWM, pid {memory.Pid}{gone}; max sampled VmRSS {memory.MaxSampledRssMb:0.0} MB, now {memory.LastRssMb:0.0} MB");
        }
    }

    private static PhaseResult? Find(IReadOnlyList<PhaseResult> results, string name)
    {
        return results.FirstOrDefault(result => result.Name == name);
    }
}
