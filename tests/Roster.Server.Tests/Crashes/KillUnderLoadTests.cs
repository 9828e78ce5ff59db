using System.Diagnostics;
using Xunit.Abstractions;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// SIGKILL of a real <c>roster serve</c> process at a random moment while IdP workers push users
/// and memberships at it, then a restart on the same database, for several rounds. After each
/// restart: what Roster acknowledged is there as acknowledged, an unanswered request is either
/// wholly applied or not at all, SQL finds nothing half-written, and once every worker has retried
/// its unanswered request the way an IdP does, Roster holds exactly what the workers intended.
/// </summary>
[Collection(CrashCollectionDefinition.Name)]
public sealed class KillUnderLoadTests(ITestOutputHelper output)
{
    private const int Workers = 6;
    private const int SharedGroups = 3;
    // The kill comes a random time after the round's load is going (this many answers), so that
    // a freshly started process, slow while it compiles, does not take the kill before any write.
    private const int AnswersBeforeKill = 3 * Workers;
    private const int MaxKillDelayMilliseconds = 1000;

    // A round is a second or two of load: past this something hangs.
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Killed_under_IdP_load_Roster_keeps_every_acknowledged_write_leaves_none_half_done_and_retries_converge()
    {
        var settings = CrashSettings.FromEnvironment();
        var random = new Random(settings.Seed);
        await using var database = await CrashDatabase.CreateAsync();
        output.WriteLine($"{database}: {settings.Rounds} kills, {CrashSettings.SeedVariable}={settings.Seed}");
        await using var server = new KillableServer(database);
        await server.StartAsync();

        var shared = Enumerable.Range(0, SharedGroups).Select(n => $"shared-{n}").ToList();
        var workers = Enumerable.Range(0, Workers).Select(i => new IdpWorker(i, settings.Seed + i + 1, shared)).ToList();
        var groupIds = await CrashGroups.CreateAsync(server, shared.Concat(workers.Select(w => w.OwnGroup)));
        var prefixes = workers.Select(w => w.UserPrefix).ToList();
        var clock = Stopwatch.StartNew();

        for (var round = 1; round <= settings.Rounds; round++)
        {
            var delay = random.Next(MaxKillDelayMilliseconds);
            var answered = workers.Sum(w => w.Acknowledged);
            var clients = workers.Select(_ => server.CreateScimClient()).ToList();
            try
            {
                using var stop = new CancellationTokenSource(RoundTimeout);
                var running = workers.Select((w, i) => w.RunAsync(clients[i], groupIds, stop.Token)).ToList();
                await WaitForAsync(
                    () => workers.Sum(w => w.Acknowledged) >= answered + AnswersBeforeKill,
                    () => $"round {round}: {workers.Sum(w => w.Acknowledged) - answered} answers in {RoundTimeout}, failures: {string.Join("; ", workers.SelectMany(w => w.Failures).Take(5))}",
                    stop.Token);
                await Task.Delay(delay);
                await server.KillAsync();
                await Task.WhenAll(running).WaitAsync(RoundTimeout);
            }
            finally
            {
                clients.ForEach(c => c.Dispose());
            }

            await server.StartAsync();
            AssertNone($"round {round}, after the restart: half-written", await DatabaseInvariants.CheckAsync(database));
            using var client = server.CreateScimClient();
            var crashed = await ServerSnapshot.ReadAsync(client, groupIds, prefixes);
            AssertNone($"round {round}, after the restart: strays", crashed.Strays);
            AssertNone($"round {round}, after the restart: not what was acknowledged", workers.Select(w => w.Reconcile(crashed)).OfType<string>());
            AssertNone($"round {round}: refused", workers.SelectMany(w => w.Failures));

            foreach (var worker in workers)
            {
                await worker.RetryAsync(client, groupIds);
            }

            AssertNone($"round {round}: retries failed", workers.SelectMany(w => w.Failures));
            var settled = await ServerSnapshot.ReadAsync(client, groupIds, prefixes);
            foreach (var worker in workers)
            {
                Assert.Equal(worker.Model.Facts(), settled.FactsOf(worker.UserPrefix));
            }

            AssertNone($"round {round}: strays after the retries", settled.Strays);
            output.WriteLine($"round {round}: killed {delay} ms into the load; {workers.Sum(w => w.Acknowledged)} acknowledged, {workers.Sum(w => w.Unknown)} unknown " +
                $"({workers.Sum(w => w.UnknownApplied)} of them applied), {workers.Sum(w => w.Retried)} retried; {settled.Users} users; {clock.Elapsed.TotalSeconds:F0} s");
        }

        AssertNone("at the end: half-written", await DatabaseInvariants.CheckAsync(database));
        Assert.Equal(settings.Rounds, server.Kills);
    }

    private static async Task WaitForAsync(Func<bool> condition, Func<string> stuck, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Assert.Fail(stuck());
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    private void AssertNone(string what, IEnumerable<string> problems)
    {
        var list = problems.ToList();
        if (list.Count > 0)
        {
            foreach (var problem in list.Take(50))
            {
                output.WriteLine($"{what}: {problem}");
            }

            Assert.Fail($"{what}: {list.Count} problems, the first: {list[0]}");
        }
    }
}
