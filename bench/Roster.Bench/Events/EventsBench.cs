using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Roster.Bench.Events;

/// <summary>
/// Measures a change feed and its webhooks over HTTP: what a webhook endpoint costs SCIM creates,
/// commit-to-webhook latency at a steady change rate, feed read throughput, and the drain of a
/// backlog built while the receiver was down (nothing lost, order per resource kept).
/// </summary>
internal sealed class EventsBench(EventsBenchSettings settings, TextWriter output) : IAsyncDisposable
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string PatchSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private readonly HttpClient _scim = Client(settings.ScimBaseUrl, settings.Concurrency + 64);
    private readonly HttpClient _admin = Client(settings.AdminUrl, 8);
    private readonly BenchReceiver _receiver = new();

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        _scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", settings.ScimToken);
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(cancellationToken));
        await _receiver.StartAsync(0);
        output.WriteLine($"receiver at {_receiver.Url}");
        foreach (var phase in settings.Phases)
        {
            switch (phase)
            {
                case "cost": await CostAsync(cancellationToken); break;
                case "latency": await LatencyAsync(cancellationToken); break;
                case "feed": await FeedAsync(cancellationToken); break;
                case "backlog": await BacklogAsync(cancellationToken); break;
                default: throw new ArgumentException($"Unknown phase '{phase}'; use cost, latency, feed, backlog.");
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _scim.Dispose();
        _admin.Dispose();
    }

    /// <summary>Creates/s with no endpoint, then with one (the receiver answering at once).</summary>
    private async Task CostAsync(CancellationToken cancellationToken)
    {
        var without = await CreateUsersAsync(settings.CostUsers, cancellationToken);
        var endpoint = await RegisterAsync("user.*", cancellationToken);
        var with = await CreateUsersAsync(settings.CostUsers, cancellationToken);
        await DeleteAsync(endpoint, cancellationToken);
        output.WriteLine(Invariant($"cost        users={settings.CostUsers} concurrency={settings.Concurrency} creates/s without endpoint={without:0.0} with endpoint={with:0.0} ({(with / without - 1) * 100:+0.0;-0.0}%)"));
    }

    /// <summary>Steady creates at <see cref="EventsBenchSettings.Rate"/>; each user's user.created arrival minus its 201.</summary>
    private async Task LatencyAsync(CancellationToken cancellationToken)
    {
        var endpoint = await RegisterAsync("user.created", cancellationToken);
        _receiver.Clear();
        var answered = new ConcurrentDictionary<string, (long Sent, long Answered)>();
        var total = settings.Rate * settings.Seconds;
        using var inFlight = new SemaphoreSlim(256);
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var failures = 0;
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / settings.Rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            await inFlight.WaitAsync(cancellationToken);
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var sent = Stopwatch.GetTimestamp();
                    var id = await CreateUserAsync(cancellationToken);
                    if (id is null)
                    {
                        Interlocked.Increment(ref failures);
                    }
                    else
                    {
                        answered[id] = (sent, Stopwatch.GetTimestamp());
                    }
                }
                finally
                {
                    inFlight.Release();
                }
            }, cancellationToken));
        }

        await Task.WhenAll(tasks);
        var offered = total / clock.Elapsed.TotalSeconds;
        await WaitAsync(() => _receiver.Arrivals.Count >= answered.Count, TimeSpan.FromMinutes(2), cancellationToken);
        var arrivals = _receiver.Arrivals.GroupBy(a => a.ResourceId).ToDictionary(g => g.Key, g => g.Min(a => a.Ticks));
        // The commit happens between the request and its 201: a delivery may even arrive before the
        // 201 does. From the 201 is a lower bound of commit-to-webhook, from the request an upper one.
        var delivered = answered.Where(a => arrivals.ContainsKey(a.Key)).ToList();
        var latencies = delivered.Select(a => Math.Max(0, arrivals[a.Key] - a.Value.Answered) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        var upper = delivered.Select(a => (arrivals[a.Key] - a.Value.Sent) * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        await DeleteAsync(endpoint, cancellationToken);
        output.WriteLine(Invariant(
            $"latency     changes={total} rate={offered:0}/s failed={failures} delivered={latencies.Length} after-201: p50={Percentile(latencies, 50):0.0}ms p99={Percentile(latencies, 99):0.0}ms max={latencies.LastOrDefault():0.0}ms; after-request: p50={Percentile(upper, 50):0.0}ms p99={Percentile(upper, 99):0.0}ms max={upper.LastOrDefault():0.0}ms"));
    }

    /// <summary>The whole feed from the start, 1,000 events a page.</summary>
    private async Task FeedAsync(CancellationToken cancellationToken)
    {
        long after = 0;
        long events = 0;
        var pages = 0;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var page = await _admin.GetFromJsonAsync<JsonObject>($"events?after={after}&limit=1000", cancellationToken) ?? throw new InvalidOperationException("No feed page.");
            var count = page["events"]!.AsArray().Count;
            var next = long.Parse((string)page["next"]!, CultureInfo.InvariantCulture);
            pages++;
            events += count;
            if (count == 0 || next == after)
            {
                break;
            }

            after = next;
        }

        output.WriteLine(Invariant($"feed        events={events} pages={pages} seconds={clock.Elapsed.TotalSeconds:0.00} events/s={events / clock.Elapsed.TotalSeconds:0}"));
    }

    /// <summary>
    /// Changes made while the receiver is down (a fifth creates, the rest PATCHes of earlier users),
    /// then the receiver back: time to drain, nothing lost, each resource's events in order.
    /// </summary>
    private async Task BacklogAsync(CancellationToken cancellationToken)
    {
        var endpoint = await RegisterAsync("user.*", cancellationToken);
        var head = await HeadAsync(cancellationToken);
        var port = _receiver.Port;
        await _receiver.StopAsync();
        _receiver.Clear();
        var users = new List<string>();
        var clock = Stopwatch.StartNew();
        var gate = new SemaphoreSlim(settings.Concurrency);
        var tasks = new List<Task>();
        var random = new Random(7);
        for (var i = 0; i < settings.Backlog; i++)
        {
            var due = TimeSpan.FromSeconds(settings.OutageSeconds * (double)i / settings.Backlog);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }

            await gate.WaitAsync(cancellationToken);
            string? target = null;
            lock (users)
            {
                if (i % 5 != 0 && users.Count > 0)
                {
                    target = users[random.Next(users.Count)];
                }
            }

            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    if (target is null)
                    {
                        if (await CreateUserAsync(cancellationToken) is { } id)
                        {
                            lock (users)
                            {
                                users.Add(id);
                            }
                        }
                    }
                    else
                    {
                        await PatchUserAsync(target, cancellationToken);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }, cancellationToken));
        }

        await Task.WhenAll(tasks);
        var outage = clock.Elapsed;
        var expected = await EventIdsAsync(head, cancellationToken);
        await _receiver.StartAsync(port);
        var back = Stopwatch.GetTimestamp();
        var drained = await WaitAsync(() => _receiver.Arrivals.Count >= expected.Count && expected.IsSubsetOf(_receiver.Arrivals.Select(a => a.EventId)), TimeSpan.FromMinutes(30), cancellationToken);
        var arrivals = _receiver.Arrivals.ToList();
        var first = arrivals.Count == 0 ? 0 : (arrivals.Min(a => a.Ticks) - back) / (double)Stopwatch.Frequency;
        var seconds = (Stopwatch.GetTimestamp() - back) / (double)Stopwatch.Frequency;
        var arrived = arrivals.Select(a => a.EventId).ToHashSet();
        var lost = expected.Count(id => !arrived.Contains(id));
        var outOfOrder = arrivals.GroupBy(a => a.ResourceId).Count(g => g.Select(a => a.Sequence).Zip(g.Select(a => a.Sequence).Skip(1)).Any(p => p.Second < p.First));
        var duplicates = arrivals.Count - arrivals.Select(a => a.EventId).Distinct().Count();
        await DeleteAsync(endpoint, cancellationToken);
        output.WriteLine(Invariant(
            $"backlog     events={expected.Count} outage={outage.TotalSeconds:0}s drained={drained} first-delivery-after={first:0.0}s drain={seconds:0.0}s ({expected.Count / Math.Max(0.001, seconds - first):0}/s after the first) lost={lost} resources-out-of-order={outOfOrder} duplicates={duplicates}"));
    }

    private async Task<double> CreateUsersAsync(int count, CancellationToken cancellationToken)
    {
        var next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                await CreateUserAsync(cancellationToken);
            }
        }));
        return count / clock.Elapsed.TotalSeconds;
    }

    private async Task<string?> CreateUserAsync(CancellationToken cancellationToken)
    {
        var name = $"ev-{Guid.NewGuid():N}@example.com";
        var body = $$"""{"schemas":["{{UserSchema}}"],"userName":"{{name}}","name":{"givenName":"Event","familyName":"Bench"},"emails":[{"value":"{{name}}","primary":true}]}""";
        using var response = await _scim.PostAsync("Users", new StringContent(body, Encoding.UTF8, "application/scim+json"), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        return (string?)(await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))?["id"];
    }

    private async Task PatchUserAsync(string id, CancellationToken cancellationToken)
    {
        var body = $$"""{"schemas":["{{PatchSchema}}"],"Operations":[{"op":"replace","path":"title","value":"T{{Guid.NewGuid():N}}"}]}""";
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"Users/{id}") { Content = new StringContent(body, Encoding.UTF8, "application/scim+json") };
        using var response = await _scim.SendAsync(request, cancellationToken);
    }

    private async Task<string> RegisterAsync(string types, CancellationToken cancellationToken)
    {
        using var response = await _admin.PostAsJsonAsync("webhooks", new { url = _receiver.Url, description = "roster-bench", eventTypes = new[] { types } }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["endpoint"]!["id"]!;
    }

    private async Task DeleteAsync(string endpoint, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"webhooks/{endpoint}") { Content = new StringContent("", Encoding.UTF8, "application/json") };
        using var response = await _admin.SendAsync(request, cancellationToken);
    }

    private async Task<long> HeadAsync(CancellationToken cancellationToken) =>
        long.Parse((string)(await _admin.GetFromJsonAsync<JsonObject>("events?after=0&limit=1", cancellationToken))!["head"]!, CultureInfo.InvariantCulture);

    private async Task<HashSet<string>> EventIdsAsync(long after, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>();
        while (true)
        {
            var page = (await _admin.GetFromJsonAsync<JsonObject>($"events?after={after}&limit=1000&types=user.*", cancellationToken))!;
            foreach (var e in page["events"]!.AsArray())
            {
                ids.Add((string)e!["id"]!);
            }

            var next = long.Parse((string)page["next"]!, CultureInfo.InvariantCulture);
            if (next == after || page["events"]!.AsArray().Count == 0)
            {
                return ids;
            }

            after = next;
        }
    }

    private async Task<string> AccessTokenAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(settings.TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = settings.ClientId,
            ["client_secret"] = settings.ClientSecret,
            ["scope"] = "events.read webhooks.manage",
        }), cancellationToken);
        var token = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return (string?)token?["access_token"] ?? throw new InvalidOperationException($"No access token: {token?.ToJsonString()}");
    }

    private static async Task<bool> WaitAsync(Func<bool> done, TimeSpan within, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > within)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        return true;
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static HttpClient Client(Uri baseUrl, int connections) => new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false, UseCookies = false })
    {
        BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/"),
        Timeout = TimeSpan.FromSeconds(60),
    };
}
