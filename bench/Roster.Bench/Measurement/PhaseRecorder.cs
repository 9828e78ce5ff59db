using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Roster.Bench.Measurement;

/// <summary>
/// Collects one phase's latencies (every sample, for exact percentiles), error counts and metrics, from any
/// number of concurrent workers. The first few bodies of each error kind are printed as they happen.
/// </summary>
internal sealed class PhaseRecorder
{
    private const int BodiesShownPerKind = 3;
    private const int MaxBodyBytesShown = 800;

    private readonly Lock _gate = new();
    private readonly List<long> _latencyTicks;
    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private readonly TextWriter _output;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _requests;
    private long _errorCount;

    public PhaseRecorder(string name, int expectedRequests, TextWriter output)
    {
        Name = name;
        _output = output;
        _latencyTicks = new List<long>(Math.Max(expectedRequests, 16));
    }

    public string Name { get; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Requests sent so far, answered or not.</summary>
    public long Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests;
            }
        }
    }

    public void RecordResponse(long elapsedTicks, int statusCode, byte[] body)
    {
        lock (_gate)
        {
            _requests++;
            _latencyTicks.Add(elapsedTicks);
            if (statusCode is < 200 or >= 300)
            {
                string kind = statusCode.ToString(CultureInfo.InvariantCulture);
                if (CountError(kind) is long seen)
                {
                    Show(kind, seen, Describe(body));
                }
            }
        }
    }

    /// <summary>A request that got no response: a timeout or a broken connection.</summary>
    public void RecordFailure(string kind, string detail)
    {
        lock (_gate)
        {
            _requests++;
            if (CountError(kind) is long seen)
            {
                Show(kind, seen, detail);
            }
        }
    }

    /// <summary>A 2xx response whose content is wrong (say, a lookup that found two users).</summary>
    public void RecordWrongAnswer(string kind, byte[] body)
    {
        lock (_gate)
        {
            if (CountError(kind) is long seen)
            {
                Show(kind, seen, Describe(body));
            }
        }
    }

    public void SetMetric(string name, double value)
    {
        lock (_gate)
        {
            _metrics[name] = Math.Round(value, 3);
        }
    }

    /// <summary>A one-line "still running" message for long phases.</summary>
    public string Progress()
    {
        double seconds = Elapsed.TotalSeconds;
        lock (_gate)
        {
            return string.Create(CultureInfo.InvariantCulture, $"  .. {Name}: {_requests} requests, {_errorCount} errors, {seconds:0}s, {_requests / Math.Max(seconds, 0.001):0.0} req/s");
        }
    }

    public PhaseResult Finish(string? note)
    {
        double elapsedSeconds = Elapsed.TotalSeconds;
        lock (_gate)
        {
            long[] sorted = [.. _latencyTicks];
            Array.Sort(sorted);
            return new PhaseResult
            {
                Name = Name,
                Requests = _requests,
                Errors = _errorCount,
                ErrorsByKind = new SortedDictionary<string, long>(_errors, StringComparer.Ordinal),
                ElapsedSeconds = Math.Round(elapsedSeconds, 3),
                RequestsPerSecond = elapsedSeconds > 0 ? Math.Round(_requests / elapsedSeconds, 1) : 0,
                Latency = LatencySummary.FromSortedTicks(sorted),
                Metrics = new Dictionary<string, double>(_metrics, StringComparer.Ordinal),
                Note = note,
            };
        }
    }

    /// <returns>The error's ordinal within its kind when its detail should be printed, otherwise <c>null</c>.</returns>
    private long? CountError(string kind)
    {
        _errorCount++;
        long seen = _errors.GetValueOrDefault(kind) + 1;
        _errors[kind] = seen;
        return seen <= BodiesShownPerKind ? seen : null;
    }

    private void Show(string kind, long seen, string detail)
    {
        _output.WriteLine($"  ! {Name} {kind} #{seen}: {detail.ReplaceLineEndings(" ")}");
    }

    // Only the printed bodies are decoded, and only their start: an error page can be megabytes.
    private static string Describe(byte[] body)
    {
        return body.Length <= MaxBodyBytesShown
            ? Encoding.UTF8.GetString(body)
            : Encoding.UTF8.GetString(body, 0, MaxBodyBytesShown) + $"... ({body.Length} bytes)";
    }
}
