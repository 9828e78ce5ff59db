using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Nodes;
using Xunit.Abstractions;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// The server's SQLite checkpointer (<c>Storage:SqliteCheckpoints</c>) on a real <c>roster serve</c>:
/// under a stream of writes it keeps the WAL small without any request checkpointing it, empties
/// it when writes stop, falls back to SQLite's own checkpoint past <c>MaxWalPages</c> when it does
/// not keep up, and a process killed while it checkpoints loses no acknowledged write.
/// </summary>
[Collection(CrashCollectionDefinition.Name)]
public sealed class SqliteCheckpointTests(ITestOutputHelper output)
{
    // A WAL frame: a 24-byte header and a page of 4 KiB (SQLite's default page size, which Roster keeps).
    private const long FrameBytes = 24 + 4096;
    private const int Writes = 1_200;

    // A user's displayName of 20,000 characters fills at least five pages of its own (overflow
    // pages), each a frame of the WAL: the writes append over this many frames in all.
    private const int DisplayNameLength = 20_000;
    private const int AppendedFrames = Writes * 5;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    [SqliteFact]
    public async Task Under_writes_the_background_checkpoints_keep_the_WAL_small_and_an_idle_WAL_is_emptied()
    {
        await using var database = await CrashDatabase.CreateAsync();

        // SQLite's own checkpoint is out of reach (a million pages): only the background one can bound
        // the WAL, restarting it once a checkpoint finds it past 100 pages.
        await using var node = await RosterNode.StartAsync("checkpointed", Settings(database, intervalMilliseconds: 20, idleMilliseconds: 300, maxWalPages: 1_000_000, resetWalPages: 100));
        var largest = await WriteAsync(node, database, "steady");

        // Without the restarts the WAL would hold every frame the writes appended, over 6,000; with
        // them it holds what was appended between two looks, more when the machine is busy (2,048
        // frames at a load average of 178 on two cores): at most half of them.
        output.WriteLine($"{Writes} writes, over {AppendedFrames} frames appended, largest WAL {largest / FrameBytes} frames");
        Assert.True(largest <= AppendedFrames / 2 * FrameBytes, $"the WAL reached {largest / FrameBytes} frames of over {AppendedFrames} appended");

        var idle = Stopwatch.StartNew();
        while (WalBytes(database) > 0)
        {
            Assert.True(idle.Elapsed < Patience, $"the WAL still holds {WalBytes(database)} bytes {idle.Elapsed} after the last write");
            await Task.Delay(50);
        }
    }

    [SqliteFact]
    public async Task When_the_background_checkpoints_fall_behind_a_commit_past_MaxWalPages_checkpoints_itself()
    {
        await using var database = await CrashDatabase.CreateAsync();

        // The background checkpointer looks once, at start, then not for an hour.
        await using var node = await RosterNode.StartAsync("behind", Settings(database, intervalMilliseconds: 3_600_000, idleMilliseconds: 3_600_000, maxWalPages: 300, resetWalPages: 1_000_000));
        var largest = await WriteAsync(node, database, "behind");

        // 300 pages, plus the frames of the one write that crossed them.
        output.WriteLine($"{Writes} writes, over {AppendedFrames} frames appended, largest WAL {largest / FrameBytes} frames");
        Assert.True(largest <= 400 * FrameBytes, $"the WAL reached {largest / FrameBytes} frames of over {AppendedFrames} appended");
    }

    [SqliteFact]
    public async Task A_server_killed_while_it_checkpoints_loses_no_acknowledged_write()
    {
        var settings = CrashSettings.FromEnvironment();
        var random = new Random(settings.Seed);
        await using var database = await CrashDatabase.CreateAsync();
        output.WriteLine($"{settings.Rounds} kills, {CrashSettings.SeedVariable}={settings.Seed}");

        // A checkpoint every millisecond there is something new: under a stream of writes the
        // checkpointer is copying frames and syncing files much of the time, so the kills land in it.
        var environment = Settings(database, intervalMilliseconds: 1, idleMilliseconds: 3_600_000, maxWalPages: 1_000_000);
        var acknowledged = new ConcurrentQueue<string>();
        string? orgId = null, token = null;
        for (var round = 1; round <= settings.Rounds; round++)
        {
            var node = await RosterNode.StartAsync($"killed {round}", environment);
            orgId ??= node.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')');
            token ??= node.BannerValue("SCIM token:");
            using var scim = node.CreateClient(token, $"scim/v2/{orgId}/");
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var userName = $"r{round}-{n}@example.com";
                    try
                    {
                        using var created = await scim.PostAsync("Users", User(userName));
                        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
                        acknowledged.Enqueue(userName);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        return;
                    }
                }
            });

            // Let the writes get going first (a fresh process compiles its write path), then kill at a
            // random moment, while the checkpointer copies hundreds of frames every few milliseconds.
            var before = acknowledged.Count;
            var warming = Stopwatch.StartNew();
            while (acknowledged.Count < before + 30 && !writer.IsCompleted)
            {
                Assert.True(warming.Elapsed < Patience, $"round {round}: only {acknowledged.Count - before} writes acknowledged in {warming.Elapsed}");
                await Task.Delay(10);
            }

            var delay = random.Next(1_000);
            await Task.Delay(delay);
            await node.KillAsync();
            await stop.CancelAsync();
            await writer;
            var checkpoints = node.Output.Count(line => line.Contains("SQLite checkpoint (PASSIVE)", StringComparison.Ordinal));
            var busy = node.Output.Where(line => line.Contains("SQLite checkpoint (PASSIVE)", StringComparison.Ordinal)).Sum(Milliseconds);
            output.WriteLine($"round {round}: killed after {delay} ms, {acknowledged.Count} writes acknowledged so far, {checkpoints} checkpoints logged, {busy:F0} ms of them");
            Assert.True(checkpoints > 1, $"round {round}: no checkpoint ran before the kill");
            await node.DisposeAsync();
        }

        await using (var restarted = await RosterNode.StartAsync("restarted", environment))
        {
            using var scim = restarted.CreateClient(token, $"scim/v2/{orgId}/");
            using var health = await scim.GetAsync("Users?count=1");
            health.EnsureSuccessStatusCode();
        }

        await using var connection = await database.OpenAsync();
        Assert.Equal("ok", await ScalarAsync(connection, "PRAGMA integrity_check"));
        var stored = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT user_name FROM users";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        var lost = acknowledged.Where(name => !stored.Contains(name)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged writes are missing, e.g. {string.Join(", ", lost.Take(5))}");
        var violations = await DatabaseInvariants.CheckAsync(database);
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
    }

    private static Dictionary<string, string> Settings(CrashDatabase database, int intervalMilliseconds, int idleMilliseconds, int maxWalPages, int resetWalPages = 500) =>
        new(database.Environment)
        {
            ["Storage__SqliteCheckpoints__IntervalMilliseconds"] = $"{intervalMilliseconds}",
            ["Storage__SqliteCheckpoints__IdleMilliseconds"] = $"{idleMilliseconds}",
            ["Storage__SqliteCheckpoints__MaxWalPages"] = $"{maxWalPages}",
            ["Storage__SqliteCheckpoints__ResetWalPages"] = $"{resetWalPages}",
            ["Logging__LogLevel__Roster.Storage.Sqlite.SqliteCheckpointer"] = "Debug",
        };

    /// <summary>Creates <see cref="Writes"/> users one after another; returns the largest WAL seen after any of them.</summary>
    private static async Task<long> WriteAsync(RosterNode node, CrashDatabase database, string prefix)
    {
        var orgId = node.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')');
        using var scim = node.CreateClient(node.BannerValue("SCIM token:"), $"scim/v2/{orgId}/");
        long largest = 0;
        for (var n = 0; n < Writes; n++)
        {
            using var created = await scim.PostAsync("Users", User($"{prefix}-{n}@example.com"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            largest = Math.Max(largest, WalBytes(database));
        }

        return largest;
    }

    private static StringContent User(string userName) => ScimHttp.Json(
        $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"{{userName}}","displayName":"{{new string('x', DisplayNameLength)}}"}""");

    private static long WalBytes(CrashDatabase database) =>
        new FileInfo(database.SqliteFile + "-wal") is { Exists: true } wal ? wal.Length : 0;

    private static double Milliseconds(string line)
    {
        var end = line.LastIndexOf(" ms.", StringComparison.Ordinal);
        var start = line.LastIndexOf(", ", end, StringComparison.Ordinal) + 2;
        return double.Parse(line[start..end], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
