using System.Globalization;

namespace Roster.Bench.Measurement;

/// <summary>
/// The CPU time a process has used so far, user plus system, over all its threads, read from
/// <c>/proc/{pid}/stat</c>. The kernel counts it in clock ticks of 1/100 s (USER_HZ), so a phase
/// needs a few thousand requests for the per-request figure to mean something. Linux only.
/// </summary>
internal static class ProcessCpuTime
{
    private const double TicksPerSecond = 100;

    // After the command name, which is in parentheses and may hold spaces, utime and stime are the
    // 12th and 13th fields (fields 14 and 15 of proc(5)).
    private const int UserTimeField = 11;
    private const int SystemTimeField = 12;

    /// <returns>The CPU time, or <c>null</c> when the process is gone or /proc is not there.</returns>
    public static TimeSpan? TryRead(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        int nameEnd = stat.LastIndexOf(')');
        if (nameEnd < 0)
        {
            return null;
        }

        string[] fields = stat[(nameEnd + 2)..].Split(' ');
        if (fields.Length <= SystemTimeField
            || !long.TryParse(fields[UserTimeField], NumberStyles.None, CultureInfo.InvariantCulture, out long user)
            || !long.TryParse(fields[SystemTimeField], NumberStyles.None, CultureInfo.InvariantCulture, out long system))
        {
            return null;
        }

        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }
}
