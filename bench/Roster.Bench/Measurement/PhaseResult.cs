namespace Roster.Bench.Measurement;

/// <summary>One report line: what a phase sent, what failed, how fast and how slow.</summary>
internal sealed record PhaseResult
{
    public required string Name { get; init; }

    public required long Requests { get; init; }

    /// <summary>Non-2xx statuses, timeouts, transport failures and wrong answers, all together.</summary>
    public required long Errors { get; init; }

    /// <summary>Errors by HTTP status ("409") or kind ("timeout", "transport:ConnectionError", "totalResults!=1").</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByKind { get; init; }

    public required double ElapsedSeconds { get; init; }

    public required double RequestsPerSecond { get; init; }

    /// <summary>Over every answered request (any status); <c>null</c> when nothing was answered.</summary>
    public required LatencySummary? Latency { get; init; }

    /// <summary>Phase-specific figures: created users, pages/s, group size, server RSS, ...</summary>
    public required IReadOnlyDictionary<string, double> Metrics { get; init; }

    public string? Note { get; init; }
}
