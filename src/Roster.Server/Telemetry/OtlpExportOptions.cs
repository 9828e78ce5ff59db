namespace Roster.Server.Telemetry;

/// <summary>Where traces, metrics and logs go over OTLP (section <c>Roster:Telemetry:Otlp</c>).</summary>
public sealed class OtlpExportOptions
{
    /// <summary>
    /// The collector's base URL, e.g. <c>http://otel-collector:4317</c> (gRPC) or
    /// <c>http://otel-collector:4318</c> (HTTP). Empty: nothing is exported over OTLP.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http/protobuf</c>.</summary>
    public string Protocol { get; set; } = "grpc";
}
