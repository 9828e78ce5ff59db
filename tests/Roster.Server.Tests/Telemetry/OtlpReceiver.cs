using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Roster.Server.Tests.Telemetry;

/// <summary>
/// A stand-in OpenTelemetry collector on a loopback port: it takes OTLP over HTTP
/// (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>) and keeps each body as sent. Strings
/// travel as plain UTF-8 in protobuf, so a test can look for a value in the bytes without decoding.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyCollection<(string Signal, byte[] Body)> Received => _received;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._received.Enqueue((signal, body.ToArray()));
            return Results.Ok();
        });
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>Everything received for <paramref name="signal"/> (traces, metrics, logs), as one text.</summary>
    public string Text(string signal) =>
        string.Concat(_received.Where(r => r.Signal == signal).Select(r => System.Text.Encoding.UTF8.GetString(r.Body)));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
