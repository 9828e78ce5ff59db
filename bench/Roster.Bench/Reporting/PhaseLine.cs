using System.Globalization;
using System.Text;

using Roster.Bench.Measurement;

namespace Roster.Bench.Reporting;

/// <summary>The fixed-width report line of one phase, and the header above such lines.</summary>
internal static class PhaseLine
{
    public static string Header { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"{"phase",-18} {"requests",9} {"errors",7} {"elapsed",10} {"req/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"max ms",9}  details");

    public static string Format(PhaseResult result)
    {
        StringBuilder line = new();
        line.Append(CultureInfo.InvariantCulture, $"{result.Name,-18} {result.Requests,9} {result.Errors,7} {result.ElapsedSeconds,9:0.000}s {result.RequestsPerSecond,9:0.0}");
        if (result.Latency is LatencySummary latency)
        {
            line.Append(CultureInfo.InvariantCulture, $" {latency.P50Ms,8:0.00} {latency.P90Ms,8:0.00} {latency.P99Ms,8:0.00} {latency.MaxMs,9:0.00}");
        }
        else
        {
            line.Append(CultureInfo.InvariantCulture, $" {"-",8} {"-",8} {"-",8} {"-",9}");
        }

        List<string> details = [];
        if (result.ErrorsByKind.Count > 0)
        {
            details.Add("errors[" + string.Join(' ', result.ErrorsByKind.Select(error => $"{error.Key}={error.Value}")) + "]");
        }

        details.AddRange(result.Metrics.Select(metric => string.Create(CultureInfo.InvariantCulture, $"{metric.Key}={metric.Value:0.###}")));
        if (result.Note is not null)
        {
            details.Add($"({result.Note})");
        }

        if (details.Count > 0)
        {
            line.Append("  ").AppendJoin(' ', details);
        }

        return line.ToString();
    }
}
