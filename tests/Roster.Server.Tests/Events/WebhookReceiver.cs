using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Roster.Server.Tests.Events;

/// <summary>
/// A real webhook receiver: Kestrel on a loopback port, recording every request Roster sends and
/// answering as <see cref="Answer"/> says (2xx, an error, or after a delay). <see cref="StopAsync"/>
/// takes it off the network (connections are refused), <see cref="StartAsync"/> brings it back on
/// the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly List<ReceivedWebhook> _received = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private WebhookReceiver()
    {
    }

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    /// <summary>How the next request is answered: its status and how long to wait first. Default 204 at once.</summary>
    public Func<ReceivedWebhook, (int Status, TimeSpan Delay)> Answer { get; set; } = _ => (204, TimeSpan.Zero);

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>The requests answered with a 2xx: the deliveries Roster counts as done.</summary>
    public IReadOnlyList<ReceivedWebhook> Accepted => [.. Received.Where(r => r.AnsweredWith is >= 200 and < 300)];

    public static async Task<WebhookReceiver> StartNewAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        return receiver;
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hooks", HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
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

    /// <summary>Waits until <paramref name="done"/> holds for what arrived; fails after <paramref name="within"/>.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan within, string what)
    {
        using var limit = new CancellationTokenSource(within);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                next = _arrived.Task;
            }

            if (done(Received))
            {
                return;
            }

            try
            {
                await next.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Waited {within.TotalSeconds:0} s for {what}; received {Received.Count}: {string.Join(", ", Received.Select(r => $"{r.Type}#{r.Sequence}->{r.AnsweredWith}"))}");
            }
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        var draft = new ReceivedWebhook(headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(), body, DateTimeOffset.UtcNow, 0);
        var (status, delay) = Answer(draft);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                status = 0;
            }
        }

        lock (_gate)
        {
            _received.Add(draft with { AnsweredWith = status });
            _arrived.TrySetResult();
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (status != 0)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync(status >= 300 ? "receiver says no" : "ok", context.RequestAborted);
        }
    }
}
