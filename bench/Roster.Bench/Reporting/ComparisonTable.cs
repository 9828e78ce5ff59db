using System.Globalization;

using Roster.Bench.Measurement;

namespace Roster.Bench.Reporting;

/// <summary>
/// The side-by-side table of <c>compare</c>: per phase the subject's requests/s, p50, p99 and server
/// CPU per request, the same figures of the ceiling and the peer, and the ratios with their targets.
/// </summary>
internal static class ComparisonTable
{
    /// <summary>The subject's requests/s must reach this share of the ceiling's.</summary>
    private const double CeilingShareTarget = 0.75;

    /// <summary>The subject's requests/s must be this multiple of the peer's.</summary>
    private const double PeerMultipleTarget = 2.0;

    /// <summary>The subject's CPU per request may be at most this multiple of the ceiling's.</summary>
    private const double CpuMultipleTarget = 2.0;

    private const string CpuMetric = "serverCpuUsPerRequest";

    public static void Write(TextWriter output, BenchReport subject, BenchReport? ceiling, BenchReport? peer)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"concurrency {subject.Concurrency}, {subject.ProcessorCount} cores; req/s, p50/p99 ms, server CPU µs per request"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{"phase",-10} {"subject",9} {"p50",7} {"p99",7} {"cpu µs",7} | {"ceiling",9} {"cpu µs",7} | {"peer",9} {"cpu µs",7} | {"/ceiling",9} {"/peer",7} {"cpu/ceil",9}"));
        foreach (PhaseResult phase in subject.Results.Where(r => r.Name != "warmup" && r.Requests > 0))
        {
            PhaseResult? top = Find(ceiling, phase.Name);
            PhaseResult? other = Find(peer, phase.Name);
            double? cpu = Cpu(phase);
            double? topCpu = Cpu(top);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{phase.Name,-10} {phase.RequestsPerSecond,9:0.0} {phase.Latency?.P50Ms,7:0.00} {phase.Latency?.P99Ms,7:0.00} {Show(cpu),7} | {Show(top?.RequestsPerSecond),9} {Show(topCpu),7} | {Show(other?.RequestsPerSecond),9} {Show(Cpu(other)),7} | "
                + $"{Ratio(phase.RequestsPerSecond, top?.RequestsPerSecond, CeilingShareTarget, higherIsBetter: true),9} {Ratio(phase.RequestsPerSecond, other?.RequestsPerSecond, PeerMultipleTarget, higherIsBetter: true),7} {Ratio(cpu, topCpu, CpuMultipleTarget, higherIsBetter: false),9}"));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"targets: /ceiling >= {CeilingShareTarget:0.00}, /peer >= {PeerMultipleTarget:0.0}, cpu/ceil <= {CpuMultipleTarget:0.0}; '*' marks a ratio that misses its target"));
    }

    private static PhaseResult? Find(BenchReport? report, string phase) =>
        report?.Results.FirstOrDefault(r => r.Name == phase && r.Requests > 0 && r.Errors < r.Requests);

    private static double? Cpu(PhaseResult? phase) =>
        phase is not null && phase.Metrics.TryGetValue(CpuMetric, out double cpu) ? cpu : null;

    private static string Show(double? value) =>
        value is double v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Ratio(double? value, double? baseline, double target, bool higherIsBetter)
    {
        if (value is not double v || baseline is not double b || b <= 0)
        {
            return "-";
        }

        double ratio = v / b;
        bool met = higherIsBetter ? ratio >= target : ratio <= target;
        return ratio.ToString("0.00", CultureInfo.InvariantCulture) + (met ? " " : "*");
    }
}
