using System.Diagnostics;

namespace Roster.Bench.Measurement;

/// <summary>Exact latency percentiles of one phase, in milliseconds (nearest-rank over every sample).</summary>
internal sealed record LatencySummary(int Samples, double P50Ms, double P90Ms, double P99Ms, double MaxMs)
{
    /// <param name="sortedTicks">Every sample, in <see cref="Stopwatch"/> ticks, sorted ascending.</param>
    public static LatencySummary? FromSortedTicks(long[] sortedTicks)
    {
        if (sortedTicks.Length == 0)
        {
            return null;
        }

        return new LatencySummary(
            sortedTicks.Length,
            Milliseconds(Percentile(sortedTicks, 50)),
            Milliseconds(Percentile(sortedTicks, 90)),
            Milliseconds(Percentile(sortedTicks, 99)),
            Milliseconds(sortedTicks[^1]));
    }

    private static long Percentile(long[] sortedTicks, int percent)
    {
        int rank = (int)Math.Ceiling(percent / 100.0 * sortedTicks.Length);
        return sortedTicks[Math.Clamp(rank - 1, 0, sortedTicks.Length - 1)];
    }

    private static double Milliseconds(long ticks)
    {
        return Math.Round(ticks * 1000.0 / Stopwatch.Frequency, 3);
    }
}
