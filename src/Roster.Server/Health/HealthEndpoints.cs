using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Roster.Server.Settings;

namespace Roster.Server.Health;

/// <summary>
/// <c>/health/live</c> (the process serves HTTP; no database call, so a database outage never
/// gets a node restarted) and <c>/health/ready</c> (200 only while the database answers with the
/// schema this build expects, the keys are loaded and the node is not stopping; 503 otherwise), both
/// with the version. <c>/health</c> stays as the liveness probe earlier versions documented.
/// Anyone may call them: they say nothing secret.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    /// <summary>How long one readiness check may take: a database that does not answer in time is not ready.</summary>
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddRosterHealth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRosterOptions<ShutdownOptions>(configuration, ShutdownOptions.SectionName);
        services.AddSingleton<IHostedService, ShutdownDrain>();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) =>
            host.ShutdownTimeout = TimeSpan.FromSeconds(shutdown.Value.DrainSeconds + shutdown.Value.TimeoutSeconds));
        services.AddHealthChecks()
            .AddCheck<ShutdownHealthCheck>(ShutdownHealthCheck.Name, tags: [ReadyTag])
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name, tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<KeysHealthCheck>(KeysHealthCheck.Name, tags: [ReadyTag], timeout: CheckTimeout);
        return services;
    }

    public static WebApplication MapRosterHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var live = new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (c, r) => WriteAsync(c, r, "live") };
        var get = new HttpMethodMetadata([HttpMethods.Get]);
        app.MapHealthChecks("/health", live).WithMetadata(get);
        app.MapHealthChecks("/health/live", live).WithMetadata(get);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(ReadyTag),
            ResponseWriter = (c, r) => WriteAsync(c, r, r.Status == HealthStatus.Healthy ? "ready" : "not ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).WithMetadata(get);
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report, string status)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object>
        {
            ["status"] = status,
            ["version"] = RosterVersion.Current,
        };
        if (report.Entries.Count > 0)
        {
            body["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Exception is null ? e.Value.Description ?? e.Value.Status.ToString() : "failed");
        }

        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }
}
