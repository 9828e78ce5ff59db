using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Roster.Server.Scim.Http;

namespace Roster.Server.Telemetry;

/// <summary>
/// Measures each request once it has its final status: adds the client kind to ASP.NET Core's own
/// <c>http.server.request.duration</c> (which already has the route template, method and status),
/// counts refusals, and records SCIM operations (<see cref="RosterMetrics"/>).
/// </summary>
public sealed class RequestMetrics(RequestDelegate next, RosterMetrics metrics, IOptions<TelemetryOptions> options)
{
    private readonly string? _metricsPath = options.Value.Prometheus.Enabled ? options.Value.Prometheus.Path : null;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = ClientKinds.Of(context.Request, _metricsPath);
        context.Features.Get<IHttpMetricsTagsFeature>()?.Tags.Add(new KeyValuePair<string, object?>(ClientKinds.Tag, client));
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (RefusalReasons.Of(context) is { } reason)
            {
                metrics.Refused(reason, client);
            }

            if (ScimPaths.IsScim(context.Request.Path))
            {
                metrics.ScimOperationEnded(ScimOperation.Of(context), client, ScimOutcome.Of(context), Stopwatch.GetElapsedTime(started));
            }
        }
    }
}
