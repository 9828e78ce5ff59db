using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Telemetry;

/// <summary>A Roster server that serves its metrics to Prometheus and exports traces, metrics and logs over OTLP to an <see cref="OtlpReceiver"/>.</summary>
public sealed class TelemetryServerFixture : RosterServerFixture
{
    public const string MetricsPath = "/metrics";

    public OtlpReceiver Collector { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Roster:RateLimits:Enabled"] = "false",
        ["Roster:Telemetry:Prometheus:Enabled"] = "true",
        ["Roster:Telemetry:Prometheus:Path"] = MetricsPath,
        ["Roster:Telemetry:Otlp:Endpoint"] = Collector.BaseAddress.ToString(),
        ["Roster:Telemetry:Otlp:Protocol"] = "http/protobuf",
    };

    public override async Task InitializeAsync()
    {
        Collector = await OtlpReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Collector.DisposeAsync();
    }
}
