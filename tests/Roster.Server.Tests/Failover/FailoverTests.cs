using System.Diagnostics;
using Roster.Directory.Keys;
using Roster.Server.Tests.Crashes;
using Roster.Server.Tests.Nodes;
using Xunit.Abstractions;

namespace Roster.Server.Tests.Failover;

/// <summary>
/// The failover of docs/operations.md, done: two Roster nodes on a multi-host connection string
/// over a pg_auto_failover formation (monitor, primary, synchronous standby), IdP workers pushing
/// users and memberships through both nodes, and the primary killed (SIGKILL of its pg_autoctl and
/// PostgreSQL). Shown: both nodes turn not-ready while no primary answers and ready again after;
/// writes resume on the promoted standby within the stated time; every acknowledged write is
/// there; the workers' retries of the requests that got no answer (or a 503) converge on exactly
/// what they meant. The figures of each round are written to the test output.
/// </summary>
[Collection(CrashCollectionDefinition.Name)]
public sealed class FailoverTests(ITestOutputHelper output)
{
    /// <summary>The stated bound: pg_auto_failover notices in about 3 s here and promotes, Npgsql finds the new primary within a second.</summary>
    public static readonly TimeSpan ResumeWithin = TimeSpan.FromSeconds(45);

    private const int Workers = 4;
    private const int AnswersBeforeKill = 40;
    private const int AnswersAfterResume = 40;
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(3);

    [FailoverFact]
    public async Task Killing_the_primary_under_IdP_load_loses_no_acknowledged_write_and_writes_resume_on_the_standby()
    {
        var settings = FailoverSettings.FromEnvironment();
        output.WriteLine($"{settings.Rounds} failovers, {FailoverSettings.SeedVariable}={settings.Seed}");
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-failover-nodes-");
        await using var cluster = await PgAutoFailoverCluster.StartAsync();
        try
        {
            var keyFile = Path.Combine(folder.FullName, "roster.key");
            await File.WriteAllTextAsync(keyFile, FileKeyEncryptionKey.NewKeyFileText());
            var environment = new Dictionary<string, string>
            {
                ["Storage__Provider"] = "postgres",
                ["Storage__ConnectionString"] = cluster.ConnectionString,
                ["Roster__Keys__KeyFile"] = keyFile,
                ["Roster__Mail__PickupFolder"] = Path.Combine(folder.FullName, "mail"),
                ["Roster__RateLimits__Enabled"] = "false",
                ["Logging__LogLevel__Default"] = "Error",
            };
            await using var first = await RosterNode.StartAsync("roster A", environment);
            await using var second = await RosterNode.StartAsync("roster B", environment);
            var orgId = first.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')');
            var token = first.BannerValue("SCIM token:");
            var nodes = new[] { first, second };
            HttpClient Scim(int worker) => nodes[worker % nodes.Length].CreateClient(token, $"scim/v2/{orgId}/");

            var shared = Enumerable.Range(0, 2).Select(n => $"shared-{n}").ToList();
            var workers = Enumerable.Range(0, Workers).Select(i => new IdpWorker(i, settings.Seed + i + 1, shared, unavailableIsUnknown: true)).ToList();
            var groupIds = new Dictionary<string, string>(StringComparer.Ordinal);
            using (var setup = Scim(0))
            {
                foreach (var name in shared.Concat(workers.Select(w => w.OwnGroup)))
                {
                    groupIds[name] = Infrastructure.ScimHttp.Id(await Infrastructure.ScimHttp.CreateGroupAsync(setup, name));
                }
            }

            var prefixes = workers.Select(w => w.UserPrefix).ToList();
            var clock = Stopwatch.StartNew();
            try
            {
                await RunRoundsAsync(settings, cluster, nodes, workers, groupIds, prefixes, Scim, clock);
            }
            catch
            {
                // What the nodes logged (errors only) says why a request failed: each unhandled
                // exception's first lines, as the outage's many connection errors drown the rest.
                foreach (var node in nodes)
                {
                    var lines = node.Output.ToList();
                    foreach (var at in lines.Select((line, index) => (line, index)).Where(l => l.line.Contains("Unhandled exception", StringComparison.Ordinal)).Take(3))
                    {
                        foreach (var line in lines.Skip(at.index).Take(12))
                        {
                            output.WriteLine($"{node.Name}: {line}");
                        }
                    }
                }

                throw;
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private async Task RunRoundsAsync(FailoverSettings settings, PgAutoFailoverCluster cluster, RosterNode[] nodes, List<IdpWorker> workers,
        Dictionary<string, string> groupIds, List<string> prefixes, Func<int, HttpClient> scim, Stopwatch clock)
    {
        {
            for (var round = 1; round <= settings.Rounds; round++)
            {
                using var stop = new CancellationTokenSource(RoundTimeout);
                var readiness = nodes.Select(n => new ReadinessLog(n, clock)).ToList();
                var watching = readiness.Select(r => r.RunAsync(stop.Token)).ToList();
                // When the workers' answers came: sampled, as each worker only counts them.
                var progress = new System.Collections.Concurrent.ConcurrentQueue<(TimeSpan At, int Total)>();
                var sampling = Task.Run(async () =>
                {
                    var last = -1;
                    while (!stop.IsCancellationRequested)
                    {
                        var total = workers.Sum(w => w.Acknowledged);
                        if (total != last)
                        {
                            progress.Enqueue((clock.Elapsed, total));
                            last = total;
                        }

                        await Task.Delay(20, CancellationToken.None);
                    }
                });
                var refused = 0;
                var killedAt = TimeSpan.Zero;
                using var enough = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);

                var running = workers.Select((worker, index) => Task.Run(async () =>
                {
                    using var client = scim(index);
                    while (!enough.IsCancellationRequested)
                    {
                        await worker.RunAsync(client, groupIds, enough.Token);
                        if (worker.Pending is not null)
                        {
                            Interlocked.Increment(ref refused);
                            await RecoverAsync(worker, client, groupIds, prefixes, () => Interlocked.Increment(ref refused), stop.Token);
                        }
                    }
                })).ToList();

                // Load going through both nodes; then the primary dies.
                await WaitForAsync(() => workers.Sum(w => w.Acknowledged) >= AnswersBeforeKill, "load before the kill", workers, stop.Token);
                var primary = await cluster.PrimaryPortAsync() ?? throw new InvalidOperationException("The monitor names no primary.");
                killedAt = clock.Elapsed;
                await cluster.KillNodeAsync(primary);

                // The old primary is gone now: an answer counted from here on, beyond the requests
                // that were in flight at the kill, is a write the new primary committed.
                var answeredBeforeKill = workers.Sum(w => w.Acknowledged);

                // Writes resume on the standby; the load goes on a while, then stops. More answers than
                // there were requests in flight at the kill means new writes were committed.
                await WaitForAsync(() => workers.Sum(w => w.Acknowledged) >= answeredBeforeKill + Workers + AnswersAfterResume, "writes after the kill", workers, stop.Token);
                await enough.CancelAsync();
                await Task.WhenAll(running).WaitAsync(stop.Token);
                await stop.CancelAsync();
                await Task.WhenAll(watching);
                await sampling;

                var resumed = progress.First(p => p.At > killedAt && p.Total > answeredBeforeKill + Workers).At;
                var newPrimary = await cluster.PrimaryPortAsync(excluding: primary);
                output.WriteLine($"round {round}: primary :{primary} killed at {killedAt.TotalSeconds:F1} s ({answeredBeforeKill} answers when it was gone); " +
                    $"writes resumed after {(resumed - killedAt).TotalSeconds:F1} s on :{newPrimary}; {refused} requests answered 503 or not at all meanwhile, all retried");
                foreach (var log in readiness)
                {
                    var (down, up) = log.After(killedAt);
                    output.WriteLine($"  {log.Node.Name}: not ready from {(down - killedAt)?.TotalSeconds:F1} s to {(up - killedAt)?.TotalSeconds:F1} s after the kill");
                    Assert.True(down is not null, $"{log.Node.Name} never turned not-ready while the primary was gone.");
                    Assert.True(up is not null, $"{log.Node.Name} did not turn ready again after the failover.");
                }

                Assert.True(resumed - killedAt < ResumeWithin, $"Writes resumed {(resumed - killedAt).TotalSeconds:F1} s after the kill; the bound is {ResumeWithin.TotalSeconds} s.");
                Assert.NotEqual(primary, newPrimary);
                AssertNone($"round {round}: refused", workers.SelectMany(w => w.Failures));

                // Every acknowledged write is there, and the retries converged: Roster holds exactly what the workers meant.
                using var check = scim(1);
                var settled = await ServerSnapshot.ReadAsync(check, groupIds, prefixes);
                foreach (var worker in workers)
                {
                    Assert.Equal(worker.Model.Facts(), settled.FactsOf(worker.UserPrefix));
                }

                AssertNone($"round {round}: strays", settled.Strays);
                if (round < settings.Rounds)
                {
                    // The killed node rejoins as the standby of the new primary; the next round kills that one.
                    await cluster.RestartNodeAsync(primary);
                    await cluster.WaitForPrimaryAndSecondariesAsync(2);
                }
            }
        }
    }

    /// <summary>
    /// After a request got no answer or a 503: waits until Roster answers again, checks that what it
    /// holds for the worker is what was acknowledged (with or without the lost request), and sends
    /// the lost request again until it is answered, as an IdP does.
    /// </summary>
    private static async Task RecoverAsync(IdpWorker worker, HttpClient client, IReadOnlyDictionary<string, string> groupIds, IReadOnlyCollection<string> prefixes, Action refusedAgain, CancellationToken stop)
    {
        ServerSnapshot? snapshot = null;
        while (snapshot is null)
        {
            await Task.Delay(250, stop);
            try
            {
                snapshot = await ServerSnapshot.ReadAsync(client, groupIds, prefixes);
            }
            catch (HttpRequestException)
            {
                refusedAgain();
            }
        }

        if (worker.Reconcile(snapshot) is { } wrong)
        {
            worker.Failures.Add(wrong);
        }

        while (worker.Pending is not null && !stop.IsCancellationRequested)
        {
            await worker.RetryAsync(client, groupIds);
            if (worker.Pending is not null)
            {
                refusedAgain();
                await Task.Delay(250, stop);
            }
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, string what, IReadOnlyList<IdpWorker> workers, CancellationToken stop)
    {
        while (!condition())
        {
            if (stop.IsCancellationRequested || workers.Any(w => w.Failures.Count > 0))
            {
                Assert.Fail($"{what}: {workers.Sum(w => w.Acknowledged)} answers; failures: {string.Join("; ", workers.SelectMany(w => w.Failures).Take(5))}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    private void AssertNone(string what, IEnumerable<string> problems)
    {
        var list = problems.ToList();
        foreach (var problem in list.Take(20))
        {
            output.WriteLine($"{what}: {problem}");
        }

        Assert.True(list.Count == 0, $"{what}: {list.Count} problems, the first: {list.FirstOrDefault()}");
    }
}
