using Roster.Bench.Measurement;
using Roster.Bench.Reporting;
using Roster.Bench.Scim;

namespace Roster.Bench.Running;

/// <summary>What every phase works with: the client, what the run has created so far, and where results go.</summary>
internal sealed class BenchContext : IDisposable
{
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromSeconds(10);

    private readonly List<PhaseResult> _results = [];
    private Timer? _progress;
    private TimeSpan? _serverCpuAtStart;

    public required BenchSettings Settings { get; init; }

    public required PhasePlan Plan { get; init; }

    public required BenchNames Names { get; init; }

    public required ScimClient Client { get; init; }

    public required TextWriter Output { get; init; }

    public required ServerMemoryMonitor? Memory { get; init; }

    /// <summary>Fires on Ctrl+C; a phase's own token also fires at <c>--phase-timeout</c>.</summary>
    public required CancellationToken RunCancellation { get; init; }

    public ProvisionedDirectory Provisioned { get; } = new();

    /// <summary>Read from <c>/ServiceProviderConfig</c> during warm-up.</summary>
    public ServiceProviderFeatures Features { get; set; } = ServiceProviderFeatures.None;

    public IReadOnlyList<PhaseResult> Results => _results;

    /// <summary>
    /// Starts a phase's recorder, its memory window, its reading of the server's CPU time, and a
    /// progress line every 10 s while it runs.
    /// </summary>
    public PhaseRecorder BeginPhase(string name, int expectedRequests)
    {
        Memory?.BeginWindow();
        _serverCpuAtStart = Settings.ServerPid is int pid ? ProcessCpuTime.TryRead(pid) : null;
        PhaseRecorder recorder = new(name, expectedRequests, Output);
        _progress?.Dispose();
        _progress = new Timer(_ => Output.WriteLine(recorder.Progress()), null, s_progressInterval, s_progressInterval);
        return recorder;
    }

    /// <summary>
    /// Finishes a phase: adds the server's peak RSS and CPU time per request during it, prints its
    /// line and keeps its result.
    /// </summary>
    public PhaseResult Complete(PhaseRecorder recorder, CancellationToken cancellationToken, string? note = null)
    {
        _progress?.Dispose();
        _progress = null;
        if (Memory is not null)
        {
            recorder.SetMetric("serverRssPeakMb", Memory.EndWindow());
        }

        if (_serverCpuAtStart is TimeSpan cpuAtStart
            && Settings.ServerPid is int pid
            && ProcessCpuTime.TryRead(pid) is TimeSpan cpuAtEnd
            && recorder.Requests > 0)
        {
            recorder.SetMetric("serverCpuUsPerRequest", (cpuAtEnd - cpuAtStart).TotalMicroseconds / recorder.Requests);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            string stop = RunCancellation.IsCancellationRequested ? "interrupted" : "stopped at --phase-timeout";
            note = note is null ? stop : $"{note}; {stop}";
        }

        PhaseResult result = recorder.Finish(note);
        _results.Add(result);
        Output.WriteLine(PhaseLine.Format(result));
        return result;
    }

    /// <summary>Reports a phase that could not run, so the report says why a line is empty.</summary>
    public void Skip(string name, string reason)
    {
        PhaseResult result = new PhaseRecorder(name, 0, Output).Finish($"skipped: {reason}");
        _results.Add(result);
        Output.WriteLine(PhaseLine.Format(result));
    }

    public void Dispose()
    {
        _progress?.Dispose();
    }
}
