namespace Roster.Server.Telemetry;

/// <summary>The Prometheus scrape endpoint (section <c>Roster:Telemetry:Prometheus</c>), off unless enabled.</summary>
public sealed class PrometheusOptions
{
    /// <summary>Serve the metrics in Prometheus' text format at <see cref="Path"/>.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where the metrics are served.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// The addresses (<c>10.0.0.7</c>) or networks (<c>10.0.0.0/24</c>) allowed to scrape; any other
    /// client gets a 404 as if the path did not exist. Default: this host only. The address is the
    /// connection's, or the client's named by a trusted proxy (<c>Roster:Https:TrustedProxies</c>).
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = ["127.0.0.0/8", "::1/128"];
}
