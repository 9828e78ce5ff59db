using System.Globalization;

using Roster.Bench.Measurement;

namespace Roster.Bench.Reporting;

/// <summary>
/// The side-by-side table of <c>compare</c>: per phase the subject's requests/s, p50, p99 and server
/// CPU per request, the same figures of the ceiling and the peer, and the ratios with their targets.
/// With several rounds every figure is the median over the rounds, and every ratio the median of the
/// rounds' own ratios (each round's servers measured back to back), followed by each round's ratios.
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

    /// <param name="output">Where the table goes.</param>
    /// <param name="subjects">The subject's report of each round, in order.</param>
    /// <param name="ceilings">The ceiling's report of each round, or none.</param>
    /// <param name="peers">The peer's report of each round, or none.</param>
    public static void Write(TextWriter output, IReadOnlyList<BenchReport> subjects, IReadOnlyList<BenchReport> ceilings, IReadOnlyList<BenchReport> peers)
    {
        BenchReport first = subjects[0];
        string rounds = subjects.Count > 1 ? $"; medians of {subjects.Count} rounds" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"concurrency {first.Concurrency}, {first.ProcessorCount} cores; req/s, p50/p99 ms, server CPU µs per request{rounds}"));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{"phase",-10} {"subject",9} {"p50",7} {"p99",7} {"cpu µs",7} | {"ceiling",9} {"cpu µs",7} | {"peer",9} {"cpu µs",7} | {"/ceiling",9} {"/peer",7} {"cpu/ceil",9}"));
        List<string> perRound = [];
        foreach (PhaseResult phase in first.Results.Where(r => r.Name != "warmup" && r.Requests > 0))
        {
            List<PhaseResult?> mine = [.. subjects.Select(s => Find(s, phase.Name))];
            List<PhaseResult?> top = [.. Round(ceilings, subjects.Count).Select(c => Find(c, phase.Name))];
            List<PhaseResult?> other = [.. Round(peers, subjects.Count).Select(p => Find(p, phase.Name))];
            List<double?> toCeiling = [.. mine.Zip(top, (m, t) => Divide(m?.RequestsPerSecond, t?.RequestsPerSecond))];
            List<double?> toPeer = [.. mine.Zip(other, (m, p) => Divide(m?.RequestsPerSecond, p?.RequestsPerSecond))];
            List<double?> cpuToCeiling = [.. mine.Zip(top, (m, t) => Divide(Cpu(m), Cpu(t)))];
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{phase.Name,-10} {Show(Median(mine.Select(m => m?.RequestsPerSecond))),9} {Show(Median(mine.Select(m => m?.Latency?.P50Ms)), "0.00"),7} {Show(Median(mine.Select(m => m?.Latency?.P99Ms)), "0.00"),7} {Show(Median(mine.Select(Cpu))),7} | "
                + $"{Show(Median(top.Select(t => t?.RequestsPerSecond))),9} {Show(Median(top.Select(Cpu))),7} | {Show(Median(other.Select(p => p?.RequestsPerSecond))),9} {Show(Median(other.Select(Cpu))),7} | "
                + $"{Ratio(Median(toCeiling), CeilingShareTarget, higherIsBetter: true),9} {Ratio(Median(toPeer), PeerMultipleTarget, higherIsBetter: true),7} {Ratio(Median(cpuToCeiling), CpuMultipleTarget, higherIsBetter: false),9}"));
            if (subjects.Count > 1 && toCeiling.Any(r => r is not null))
            {
                perRound.Add($"{phase.Name,-10} /ceiling {Each(toCeiling)}; cpu/ceil {Each(cpuToCeiling)}" + (toPeer.Any(r => r is not null) ? $"; /peer {Each(toPeer)}" : ""));
            }
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"targets: /ceiling >= {CeilingShareTarget:0.00}, /peer >= {PeerMultipleTarget:0.0}, cpu/ceil <= {CpuMultipleTarget:0.0}; '*' marks a ratio that misses its target"));
        if (perRound.Count > 0)
        {
            output.WriteLine("each round's ratios, in order:");
            foreach (string line in perRound)
            {
                output.WriteLine(line);
            }
        }
    }

    /// <summary>A report per round, or none for every round when no report was given.</summary>
    private static IEnumerable<BenchReport?> Round(IReadOnlyList<BenchReport> reports, int rounds) =>
        reports.Count == 0 ? Enumerable.Repeat<BenchReport?>(null, rounds) : reports;

    private static PhaseResult? Find(BenchReport? report, string phase) =>
        report?.Results.FirstOrDefault(r => r.Name == phase && r.Requests > 0 && r.Errors < r.Requests);

    private static double? Cpu(PhaseResult? phase) =>
        phase is not null && phase.Metrics.TryGetValue(CpuMetric, out double cpu) ? cpu : null;

    private static double? Divide(double? value, double? baseline) =>
        value is double v && baseline is double b && b > 0 ? v / b : null;

    /// <summary>The median of the values present (the mean of the middle two for an even count); null when none is.</summary>
    private static double? Median(IEnumerable<double?> values)
    {
        double[] present = [.. values.OfType<double>().Order()];
        if (present.Length == 0)
        {
            return null;
        }

        int middle = present.Length / 2;
        return present.Length % 2 == 1 ? present[middle] : (present[middle - 1] + present[middle]) / 2;
    }

    private static string Show(double? value, string format = "0.0") =>
        value is double v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";

    private static string Each(IEnumerable<double?> ratios) =>
        string.Join(" ", ratios.Select(r => Show(r, "0.00")));

    private static string Ratio(double? ratio, double target, bool higherIsBetter)
    {
        if (ratio is not double r)
        {
            return "-";
        }

        bool met = higherIsBetter ? r >= target : r <= target;
        return r.ToString("0.00", CultureInfo.InvariantCulture) + (met ? " " : "*");
    }
}
