namespace Roster.Bench.Measurement;

/// <summary>
/// Polls the server process's <c>/proc/{pid}/status</c> every 200 ms in the background, keeping the peak
/// VmRSS of the whole run and of the current phase (a "window"). Linux only.
/// </summary>
internal sealed class ServerMemoryMonitor : IAsyncDisposable
{
    private const double KbPerMb = 1024.0;
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _polling;
    private ProcessMemorySample _last;
    private long _maxRssKb;
    private long _windowMaxRssKb;
    private int _samples;
    private bool _processGone;

    private ServerMemoryMonitor(int pid, ProcessMemorySample first)
    {
        Pid = pid;
        _last = first;
        _maxRssKb = first.VmRssKb;
        _windowMaxRssKb = first.VmRssKb;
        _samples = 1;
        _polling = PollAsync(_stop.Token);
    }

    public int Pid { get; }

    /// <summary>Starts polling, or explains on <paramref name="output"/> why memory cannot be measured.</summary>
    public static ServerMemoryMonitor? TryStart(int pid, TextWriter output)
    {
        if (!OperatingSystem.IsLinux())
        {
            output.WriteLine($"  server memory: not measured (--server-pid needs Linux's /proc)");
            return null;
        }

        if (ProcessMemorySample.TryRead(pid) is not ProcessMemorySample first)
        {
            output.WriteLine($"  server memory: not measured (cannot read VmRSS from /proc/{pid}/status)");
            return null;
        }

        return new ServerMemoryMonitor(pid, first);
    }

    /// <summary>Takes a reading now; polling calls this, and so does the end of each phase.</summary>
    public void Sample()
    {
        ProcessMemorySample? sample = ProcessMemorySample.TryRead(Pid);
        lock (_gate)
        {
            if (sample is null)
            {
                _processGone = true;
                return;
            }

            _last = sample;
            _samples++;
            _maxRssKb = Math.Max(_maxRssKb, sample.VmRssKb);
            _windowMaxRssKb = Math.Max(_windowMaxRssKb, sample.VmRssKb);
        }
    }

    /// <summary>Starts a new phase window; <see cref="EndWindow"/> reads its peak.</summary>
    public void BeginWindow()
    {
        Sample();
        lock (_gate)
        {
            _windowMaxRssKb = _last.VmRssKb;
        }
    }

    /// <summary>The highest VmRSS seen since <see cref="BeginWindow"/>, in MB.</summary>
    public double EndWindow()
    {
        Sample();
        lock (_gate)
        {
            return Math.Round(_windowMaxRssKb / KbPerMb, 1);
        }
    }

    public ServerMemoryReport Report()
    {
        Sample();
        lock (_gate)
        {
            return new ServerMemoryReport
            {
                Pid = Pid,
                PeakRssMb = Math.Round(Math.Max(_last.VmHwmKb, _maxRssKb) / KbPerMb, 1),
                MaxSampledRssMb = Math.Round(_maxRssKb / KbPerMb, 1),
                LastRssMb = Math.Round(_last.VmRssKb / KbPerMb, 1),
                Samples = _samples,
                ProcessGone = _processGone,
            };
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        _stop.Dispose();
    }

    private async Task PollAsync(CancellationToken stop)
    {
        using PeriodicTimer timer = new(s_pollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
