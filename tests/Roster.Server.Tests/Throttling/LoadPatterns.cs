using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Roster.Server.Tests.Throttling;

/// <summary>Bounded request patterns against a test server: a flood of parallel clients and a client paced at a steady rate.</summary>
public static class LoadPatterns
{
    /// <summary>
    /// <paramref name="workers"/> clients sending back to back for <paramref name="duration"/>
    /// (and at most <paramref name="maxRequests"/> in all); keeps the first refusal to look at and
    /// the distinct details of all of them.
    /// </summary>
    public static async Task<FloodOutcome> FloodAsync(HttpClient client, string uri, TimeSpan duration, int workers = 8, int maxRequests = 50_000)
    {
        ArgumentNullException.ThrowIfNull(client);
        var statuses = new ConcurrentQueue<HttpStatusCode>();
        var details = new ConcurrentDictionary<string, int>();
        Refusal? first = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (clock.Elapsed < duration && statuses.Count < maxRequests)
            {
                using var response = await client.GetAsync(new Uri(uri, UriKind.Relative));
                statuses.Enqueue(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && first is null)
                {
                    var refusal = new Refusal(
                        response.Headers.TryGetValues("Retry-After", out var values) ? values.Single() : null,
                        response.Content.Headers.ContentType?.MediaType,
                        await response.Content.ReadAsStringAsync());
                    Interlocked.CompareExchange(ref first, refusal, null);
                }

                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    // The detail without its "Try again in N seconds", so the set stays small.
                    var body = await response.Content.ReadAsStringAsync();
                    details.AddOrUpdate(body[..Math.Max(0, body.IndexOf("Try again", StringComparison.Ordinal))], 1, (_, n) => n + 1);
                }
            }
        }));
        return new FloodOutcome([.. statuses], first, [.. details.Keys]);
    }

    /// <summary>One client sending <paramref name="perSecond"/> requests a second, one after the other, for <paramref name="duration"/>.</summary>
    public static async Task<IReadOnlyList<(HttpStatusCode Status, TimeSpan Latency)>> PacedAsync(HttpClient client, string uri, double perSecond, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(client);
        var results = new List<(HttpStatusCode, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        var count = (int)(perSecond * duration.TotalSeconds);
        for (var i = 0; i < count; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var started = clock.Elapsed;
            using var response = await client.GetAsync(new Uri(uri, UriKind.Relative));
            results.Add((response.StatusCode, clock.Elapsed - started));
        }

        return results;
    }
}

/// <summary>What a flood met: every status, and the first 429 if there was one.</summary>
public sealed record FloodOutcome(IReadOnlyList<HttpStatusCode> Statuses, Refusal? FirstRefusal, IReadOnlyList<string> RefusalDetails)
{
    public int Refused => Statuses.Count(s => s == HttpStatusCode.TooManyRequests);

    public int Passed => Statuses.Count(s => s == HttpStatusCode.OK);
}

/// <summary>A 429 as the client saw it.</summary>
public sealed record Refusal(string? RetryAfter, string? MediaType, string Body);
