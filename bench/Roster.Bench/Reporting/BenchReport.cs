using System.Text.Json;

using Roster.Bench.Measurement;

namespace Roster.Bench.Reporting;

/// <summary>The <c>--json</c> file: the whole run, for comparing runs or feeding a dashboard.</summary>
internal sealed record BenchReport
{
    public required string RunId { get; init; }

    public required string Mode { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public required int ProcessorCount { get; init; }

    public required string CommandLine { get; init; }

    public required string BaseUrl { get; init; }

    public required int Concurrency { get; init; }

    public required IReadOnlyList<string> Phases { get; init; }

    public required bool Interrupted { get; init; }

    public required IReadOnlyList<PhaseResult> Results { get; init; }

    public required ServerMemoryReport? ServerMemory { get; init; }

    public static async Task<BenchReport> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using FileStream file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync(file, BenchReportJsonContext.Default.BenchReport, cancellationToken)
            ?? throw new JsonException($"{path} holds no report.");
    }

    public async Task WriteAsync(string path)
    {
        await using FileStream file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, this, BenchReportJsonContext.Default.BenchReport);
    }
}
