using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Roster.Server.Tests.Nodes;

namespace Roster.Server.Tests.Failover;

/// <summary>What a load balancer sees of one Roster node: <c>/health/ready</c> asked ten times a second, each answer with its time.</summary>
public sealed class ReadinessLog(RosterNode node, Stopwatch clock)
{
    private readonly ConcurrentQueue<(TimeSpan At, bool Ready)> _answers = new();

    public RosterNode Node => node;

    public IReadOnlyCollection<(TimeSpan At, bool Ready)> Answers => _answers;

    public async Task RunAsync(CancellationToken stop)
    {
        using var client = node.CreateClient(null);
        client.Timeout = TimeSpan.FromSeconds(10);
        while (!stop.IsCancellationRequested)
        {
            bool ready;
            try
            {
                using var answer = await client.GetAsync(new Uri("health/ready", UriKind.Relative), stop);
                ready = answer.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                ready = false;
            }

            _answers.Enqueue((clock.Elapsed, ready));
            await Task.Delay(100, CancellationToken.None);
        }
    }

    /// <summary>The first not-ready answer after <paramref name="from"/>, and the first ready one after that.</summary>
    public (TimeSpan? NotReady, TimeSpan? ReadyAgain) After(TimeSpan from)
    {
        var later = _answers.Where(a => a.At >= from).ToList();
        var down = later.FirstOrDefault(a => !a.Ready);
        if (down == default)
        {
            return (null, null);
        }

        var up = later.FirstOrDefault(a => a.At > down.At && a.Ready);
        return (down.At, up == default ? null : up.At);
    }
}
