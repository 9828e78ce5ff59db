using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Roster.Directory.Database;
using Roster.Server.Health;
using Roster.Server.Settings;

namespace Roster.Server.Telemetry;

/// <summary>
/// OpenTelemetry for Roster (<see cref="TelemetryOptions"/>). Traces: every request (ASP.NET Core),
/// down to each SQL statement (<see cref="DirectoryActivities"/>, and Npgsql's own on PostgreSQL),
/// with query strings redacted by the instrumentation, so a filter's values never reach a span.
/// Metrics: ASP.NET Core's requests by route, status and (added here) client kind, Kestrel's
/// connections, the rate limiter's leases, the runtime, Npgsql's connection pool, the directory's
/// writes (<see cref="DirectoryMetrics"/>) and Roster's own (<see cref="RosterMetrics"/>).
/// Exported over OTLP when an endpoint is set, and served to Prometheus when enabled.
/// </summary>
public static class RosterTelemetry
{
    /// <summary>The service name in every resource, span and metric Roster exports.</summary>
    public const string ServiceName = "roster";

    private static readonly string[] Meters =
    [
        RosterMetrics.MeterName,
        DirectoryMetrics.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Runtime",
        "Npgsql",
    ];

    public static IServiceCollection AddRosterTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRosterOptions<TelemetryOptions>(configuration, TelemetryOptions.SectionName);
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddSingleton<RosterMetrics>();

        // Read here too: whether to measure at all decides what is registered.
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = !string.IsNullOrWhiteSpace(options.Otlp.Endpoint) && Uri.TryCreate(options.Otlp.Endpoint, UriKind.Absolute, out _);
        if (!otlp && !options.Prometheus.Enabled)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceVersion: RosterVersion.Current))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters);
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeEndpointPath = options.Prometheus.Path);
                }
            });
        if (otlp)
        {
            telemetry
                .WithTracing(tracing => tracing
                    .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => ClientKinds.Of(context.Request, options.Prometheus.Path) != "probe")
                    .AddSource(DirectoryActivities.SourceName, "Npgsql"))
                .WithLogging()
                .UseOtlpExporter(ProtocolOf(options.Otlp.Protocol) ?? OtlpExportProtocol.Grpc, new Uri(options.Otlp.Endpoint!));
        }

        return services;
    }

    /// <summary>Goes after the forwarded headers (the scrape rule sees the client's address) and before the exception handler (the metrics see its status).</summary>
    public static WebApplication UseRosterTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (!options.Prometheus.Enabled && string.IsNullOrWhiteSpace(options.Otlp.Endpoint))
        {
            return app;
        }

        app.UseMiddleware<RequestMetrics>();
        if (options.Prometheus.Enabled)
        {
            // Anyone else meets the rest of the pipeline, where the path does not exist: a 404.
            var access = new ScrapeAccess(options.Prometheus.AllowedNetworks);
            var path = new PathString(options.Prometheus.Path);
            app.UseOpenTelemetryPrometheusScrapingEndpoint(
                meterProvider: null,
                predicate: context => context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase) && access.Allows(context.Connection.RemoteIpAddress),
                path: null,
                configureBranchedPipeline: null,
                optionsName: null);
        }

        return app;
    }

    /// <summary>The OTLP protocol a setting names; null when it names none.</summary>
    public static OtlpExportProtocol? ProtocolOf(string? protocol) => protocol?.Trim().ToUpperInvariant() switch
    {
        "GRPC" => OtlpExportProtocol.Grpc,
        "HTTP/PROTOBUF" or "HTTP" => OtlpExportProtocol.HttpProtobuf,
        _ => null,
    };
}
