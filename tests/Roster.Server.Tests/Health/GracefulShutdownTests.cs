using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Roster.Server.Tests.Crashes;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Nodes;

namespace Roster.Server.Tests.Health;

/// <summary>
/// SIGTERM to a real <c>roster serve</c> under IdP load, behind a load balancer played by the
/// test: readiness turns 503 at once while the node keeps serving for the drain period, the
/// balancer stops sending, the node stops listening, a request still in flight then (its body
/// only half sent) is finished, and the process exits 0. No request is cut, none is lost: every
/// acknowledged user is there after a restart.
/// </summary>
[Collection(CrashCollectionDefinition.Name)]
public sealed class GracefulShutdownTests
{
    private const int Workers = 4;
    private const int DrainSeconds = 2;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task SIGTERM_under_load_drains_finishes_requests_in_flight_and_loses_nothing()
    {
        await using var database = await CrashDatabase.CreateAsync();
        var environment = new Dictionary<string, string>(database.Environment) { ["Roster__Shutdown__DrainSeconds"] = $"{DrainSeconds}" };
        await using var node = await RosterNode.StartAsync("graceful", environment);
        var orgId = node.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')');
        var token = node.BannerValue("SCIM token:");

        using var stop = new CancellationTokenSource(Deadline);
        var acknowledged = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The load balancer: asks /health/ready and stops sending once it says 503.
        var balancer = Task.Run(async () =>
        {
            using var client = node.CreateClient(null);
            while (!stop.IsCancellationRequested)
            {
                using var ready = await client.GetAsync(new Uri("health/ready", UriKind.Relative), stop.Token);
                if (ready.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    Assert.Contains("stopping", await ready.Content.ReadAsStringAsync(stop.Token), StringComparison.Ordinal);
                    drained.TrySetResult();
                    return;
                }

                Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
                await Task.Delay(50, stop.Token);
            }
        });

        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            using var scim = node.CreateClient(token, $"scim/v2/{orgId}/");
            for (var n = 0; !drained.Task.IsCompleted && !stop.IsCancellationRequested; n++)
            {
                var userName = $"w{w}-{n}@example.com";
                try
                {
                    using var created = await scim.PostAsync("Users", ScimHttp.Json(User(userName)), CancellationToken.None);
                    if (created.StatusCode != HttpStatusCode.Created)
                    {
                        failures.Add($"{userName}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
                        return;
                    }

                    acknowledged.Add(userName);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                {
                    failures.Add($"{userName}: cut ({e.GetType().Name}: {e.Message})");
                    return;
                }
            }
        })).ToList();

        // The load is going; a request starts whose body is only half sent when the node stops listening.
        while (acknowledged.Count < 20 * Workers && failures.IsEmpty)
        {
            await Task.Delay(10, stop.Token);
        }

        Assert.Empty(failures);
        using var slowClient = node.CreateClient(token, $"scim/v2/{orgId}/");
        var slowBody = new HeldBackContent(User("in-flight@example.com").ToJsonString());
        var slow = slowClient.PostAsync("Users", slowBody, CancellationToken.None);
        await slowBody.FirstPartSent.WaitAsync(stop.Token);

        var exit = node.TerminateAsync(Deadline);
        await drained.Task.WaitAsync(stop.Token);
        await balancer;
        await Task.WhenAll(workers);

        // Draining: readiness says 503 but the node still takes new connections and answers them.
        using (var probe = node.CreateClient(null))
        {
            using var live = await probe.GetAsync(new Uri("health/live", UriKind.Relative), stop.Token);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }

        while (await node.AcceptsConnectionsAsync())
        {
            await Task.Delay(20, stop.Token);
        }

        // Stopped listening; the half-sent request is still in flight and is served to the end.
        Assert.False(exit.IsCompleted, "The process exited before the request in flight was finished.");
        slowBody.Release();
        using (var slowAnswer = await slow.WaitAsync(stop.Token))
        {
            Assert.Equal(HttpStatusCode.Created, slowAnswer.StatusCode);
        }

        acknowledged.Add("in-flight@example.com");
        Assert.Equal(0, await exit.WaitAsync(stop.Token));
        Assert.Empty(failures);

        // Nothing acknowledged is lost.
        await using var restarted = await RosterNode.StartAsync("graceful, restarted", database.Environment);
        using var check = restarted.CreateClient(token, $"scim/v2/{orgId}/");
        using var listed = await check.GetAsync($"Users?count=1&filter={Uri.EscapeDataString("userName pr")}", stop.Token);
        var total = (int)(await listed.ReadObjectAsync())["totalResults"]!;
        Assert.Equal(acknowledged.Count, total);
        foreach (var userName in acknowledged.Take(25))
        {
            using var found = await check.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}", stop.Token);
            Assert.Equal(1, (int)(await found.ReadObjectAsync())["totalResults"]!);
        }
    }

    private static JsonObject User(string userName) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
        ["userName"] = userName,
        ["displayName"] = "Person " + userName,
    };
}
