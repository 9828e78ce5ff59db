using System.Diagnostics;
using System.Text;

namespace Roster.Bench.Measurement;

/// <summary>
/// Collects one phase's latencies (every sample, for exact percentiles), error counts and metrics, from any
/// number of concurrent workers. The first few bodies of each error kind are printed as they happen.
/// </summary>
internal sealed class PhaseRecorder
{
    private const int BodiesShownPerKind = 3;
    private const int MaxBodyCharsShown = 800;

    private readonly Lock _gate = new();
    private readonly List<long> _latencyTicks;
    private readonly Dictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _metrics = new(StringComparer.Ordinal);
    private readonly TextWriter _output;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _requests;

    public PhaseRecorder(string name, int expectedRequests, TextWriter output)
    {
        Name = name;
        _output = output;
        _latencyTicks = new List<long>(Math.Max(expectedRequests, 16));
    }

    public string Name { get; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public void RecordResponse(long elapsedTicks, int statusCode, byte[] body)
    {
        lock (_gate)
        {
            _requests++;
            _latencyTicks.Add(elapsedTicks);
            if (statusCode is < 200 or >= 300)
            {
                CountError(statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString(body));
            }
        }
    }

    /// <summary>A request that got no response: a timeout or a broken connection.</summary>
    public void RecordFailure(string kind, string detail)
    {
        lock (_gate)
        {
            _requests++;
            CountError(kind, detail);
        }
    }

    /// <summary>A 2xx response whose content is wrong (say, a lookup that found two users).</summary>
    public void RecordWrongAnswer(string kind, byte[] body)
    {
        lock (_gate)
        {
            CountError(kind, Encoding.UTF8.GetString(body));
        }
    }

    public void SetMetric(string name, double value)
    {
        lock (_gate)
        {
            _metrics[name] = Math.Round(value, 3);
        }
    }

    public PhaseResult Finish(string? note)
    {
        double elapsedSeconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        lock (_gate)
        {
            long[] sorted = [.. _latencyTicks];
            Array.Sort(sorted);
            return new PhaseResult
            {
                Name = Name,
                Requests = _requests,
                Errors = _errors.Values.Sum(),
                ErrorsByKind = new SortedDictionary<string, long>(_errors, StringComparer.Ordinal),
                ElapsedSeconds = Math.Round(elapsedSeconds, 3),
                RequestsPerSecond = elapsedSeconds > 0 ? Math.Round(_requests / elapsedSeconds, 1) : 0,
                Latency = LatencySummary.FromSortedTicks(sorted),
                Metrics = new Dictionary<string, double>(_metrics, StringComparer.Ordinal),
                Note = note,
            };
        }
    }

    private void CountError(string kind, string detail)
    {
        long seen = _errors.GetValueOrDefault(kind) + 1;
        _errors[kind] = seen;
        if (seen <= BodiesShownPerKind)
        {
            string shown = detail.Length > MaxBodyCharsShown ? string.Concat(detail.AsSpan(0, MaxBodyCharsShown), "...") : detail;
            _output.WriteLine($"  ! {Name} {kind} #{seen}: {shown.ReplaceLineEndings(" ")}");
        }
    }
}
