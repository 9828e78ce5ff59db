using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Roster.Bench.Events;

/// <summary>One webhook request as the receiver saw it: when (Stopwatch ticks), which event, about which resource, at which feed position.</summary>
internal sealed record Arrival(long Ticks, string EventId, string Type, string ResourceId, long Sequence);

/// <summary>
/// The webhook receiver the events benchmark measures against: Kestrel on a loopback port,
/// answering 204 at once and noting each arrival. It can be taken down and brought back on the same
/// port, as a receiver outage.
/// </summary>
internal sealed class BenchReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<Arrival> _arrivals = new();
    private WebApplication? _app;

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    public IReadOnlyCollection<Arrival> Arrivals => _arrivals;

    public async Task StartAsync(int port)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        app.MapPost("/hooks", async (HttpContext context) =>
        {
            using JsonDocument body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            JsonElement root = body.RootElement;
            _arrivals.Enqueue(new Arrival(
                Stopwatch.GetTimestamp(),
                context.Request.Headers["webhook-id"].ToString(),
                root.GetProperty("type").GetString() ?? "",
                root.GetProperty("resource").GetProperty("id").GetString() ?? "",
                root.GetProperty("sequence").GetInt64()));
            return Results.NoContent();
        });
        await app.StartAsync();
        Port = new Uri(app.Urls.First()).Port;
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    public void Clear() => _arrivals.Clear();

    public async ValueTask DisposeAsync() => await StopAsync();
}
