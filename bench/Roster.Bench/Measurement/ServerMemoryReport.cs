namespace Roster.Bench.Measurement;

/// <summary>The server's memory over the run, as the report and the JSON show it.</summary>
internal sealed record ServerMemoryReport
{
    public required int Pid { get; init; }

    /// <summary>VmHWM at the end: the kernel's own peak resident set, which 200 ms polling cannot miss.</summary>
    public required double PeakRssMb { get; init; }

    public required double MaxSampledRssMb { get; init; }

    public required double LastRssMb { get; init; }

    public required int Samples { get; init; }

    /// <summary>Set when the process was gone by the end of the run, so the figures are its last reading.</summary>
    public required bool ProcessGone { get; init; }
}
