namespace Roster.Bench.Measurement;

/// <summary>One reading of a Linux process's resident memory from <c>/proc/{pid}/status</c>, in KiB.</summary>
internal sealed record ProcessMemorySample(long VmRssKb, long VmHwmKb)
{
    public static ProcessMemorySample? TryRead(int pid)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{pid}/status");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        long? rss = null;
        long? hwm = null;
        foreach (string line in lines)
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = ParseKb(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                hwm = ParseKb(line);
            }
        }

        // Kernel threads and zombies have no Vm* lines: there is nothing to measure.
        return rss is long r && hwm is long h ? new ProcessMemorySample(r, h) : null;
    }

    // The line reads "VmRSS:\t  123456 kB".
    private static long? ParseKb(string line)
    {
        string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 && long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long kb)
            ? kb
            : null;
    }
}
