using System.ComponentModel.DataAnnotations;

namespace Roster.Server.Telemetry;

/// <summary>
/// OpenTelemetry (section <c>Roster:Telemetry</c>): traces and metrics over OTLP to a collector,
/// and a Prometheus scrape endpoint. With neither configured Roster measures nothing.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Roster:Telemetry";

    public OtlpExportOptions Otlp { get; set; } = new();

    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>The share of traces kept (0 to 1), decided at the trace's start and followed by every span in it.</summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;
}
