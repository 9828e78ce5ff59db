using Microsoft.Extensions.Options;

namespace Roster.Server.Telemetry;

/// <summary>Refuses telemetry settings that cannot work, naming the setting.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string section = TelemetryOptions.SectionName;
        if (!string.IsNullOrWhiteSpace(options.Otlp.Endpoint)
            && !(Uri.TryCreate(options.Otlp.Endpoint, UriKind.Absolute, out var endpoint) && endpoint.Scheme is "http" or "https"))
        {
            failures.Add($"{section}:Otlp:Endpoint must be an absolute http or https URL such as http://otel-collector:4317; it is '{options.Otlp.Endpoint}'.");
        }

        if (RosterTelemetry.ProtocolOf(options.Otlp.Protocol) is null)
        {
            failures.Add($"{section}:Otlp:Protocol must be 'grpc' or 'http/protobuf'; it is '{options.Otlp.Protocol}'.");
        }

        if (string.IsNullOrWhiteSpace(options.Prometheus.Path) || !options.Prometheus.Path.StartsWith('/') || options.Prometheus.Path.Contains('?', StringComparison.Ordinal))
        {
            failures.Add($"{section}:Prometheus:Path must be a path starting with '/', such as /metrics; it is '{options.Prometheus.Path}'.");
        }

        foreach (var network in options.Prometheus.AllowedNetworks.Where(n => ScrapeAccess.TryParse(n) is null))
        {
            failures.Add($"{section}:Prometheus:AllowedNetworks has '{network}', which is neither an IP address (10.0.0.7) nor a network (10.0.0.0/24).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
