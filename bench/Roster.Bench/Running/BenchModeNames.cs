namespace Roster.Bench.Running;

/// <summary>The command name of each <see cref="BenchMode"/>, as reports show it.</summary>
internal static class BenchModeNames
{
    public static string Of(BenchMode mode)
    {
        return mode switch
        {
            BenchMode.Run => "run",
            BenchMode.Seed => "seed",
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown mode."),
        };
    }
}
