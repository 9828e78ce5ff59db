using System.Diagnostics;
using Roster.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// SIGKILL in the middle of one large membership write: a PATCH adding 2,000 members to a group,
/// and a PUT replacing a group's 2,000 members with 1,000 of them (2,000 deletes, 1,000 inserts).
/// The kill lands at a random point of the time the same write took on the warm server; after the
/// restart the group has all of the change or none of it, at the matching version, and SQL finds
/// nothing half-written.
/// </summary>
[Collection(CrashCollectionDefinition.Name)]
public sealed class LargeWriteKillTests(ITestOutputHelper output)
{
    private const int Members = 2000;
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_PATCH_or_PUT_of_thousands_of_members_killed_midway_is_all_or_nothing()
    {
        var settings = CrashSettings.FromEnvironment();
        var attempts = Math.Max(2, settings.Rounds / 10);
        var random = new Random(settings.Seed);
        await using var database = await CrashDatabase.CreateAsync();
        output.WriteLine($"{database}: {attempts} kills per write, {CrashSettings.SeedVariable}={settings.Seed}");
        await using var server = new KillableServer(database);
        await server.StartAsync();
        var users = await LargeGroups.CreateUsersAsync(server, Members);
        var half = users.Where((_, n) => n % 2 == 1).ToList();

        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            // The PATCH: from no members to all of them.
            var (group, acknowledged, delay) = await KillDuringAsync(server, random, $"patch-{attempt}", users: null, (c, id) => c.PatchAsync($"Groups/{id}", LargeGroups.AddAll(users)));
            var (version, members) = await LargeGroups.ReadAsync(server, group);
            Assert.True(members.Count == 0 || members.SetEquals(users), $"PATCH killed after {delay}: {members.Count} of {Members} members");
            var applied = members.Count == Members;
            Assert.True(applied || !acknowledged, "an acknowledged PATCH was lost");
            Assert.Equal(applied ? 2 : 1, version);
            AssertWhole(await DatabaseInvariants.CheckAsync(database));
            output.WriteLine($"PATCH killed after {delay}: {(acknowledged ? "acknowledged" : "no answer")}, {(applied ? "applied" : "not applied")}");

            // The PUT: from all of them to every other one.
            (group, acknowledged, delay) = await KillDuringAsync(server, random, $"put-{attempt}", users, (c, id) => c.PutAsync($"Groups/{id}", ScimHttp.Json(LargeGroups.Replace($"put-{attempt}", half))));
            (version, members) = await LargeGroups.ReadAsync(server, group);
            Assert.True(members.SetEquals(users) || members.SetEquals(half), $"PUT killed after {delay}: {members.Count} members, neither all {Members} nor the {half.Count}");
            applied = members.Count == half.Count;
            Assert.True(applied || !acknowledged, "an acknowledged PUT was lost");
            Assert.Equal(applied ? 3 : 2, version);
            AssertWhole(await DatabaseInvariants.CheckAsync(database));
            output.WriteLine($"PUT killed after {delay}: {(acknowledged ? "acknowledged" : "no answer")}, {(applied ? "applied" : "not applied")}");
        }
    }

    /// <summary>
    /// Times <paramref name="write"/> on a group of its own (the process is warm then, as it is
    /// for the kill), sends it again to a new group and kills the server a random part of that time
    /// later, then restarts it. Returns the group, whether the write was answered, and when the kill came.
    /// </summary>
    private static async Task<(string Group, bool Acknowledged, string Delay)> KillDuringAsync(
        KillableServer server, Random random, string name, IReadOnlyList<string>? users, Func<HttpClient, string, Task<HttpResponseMessage>> write)
    {
        var acknowledged = false;
        using var client = server.CreateScimClient();
        var duration = 0L;
        for (var warmUp = 1; warmUp <= 2; warmUp++)
        {
            // The second write, its code paths compiled, is the one timed.
            var warm = await LargeGroups.CreateGroupAsync(client, $"{name}-warm-{warmUp}", users);
            var clock = Stopwatch.StartNew();
            using var response = await write(client, warm);
            response.EnsureSuccessStatusCode();
            duration = clock.ElapsedMilliseconds;
        }

        var delay = (int)(duration * (0.2 + (0.75 * random.NextDouble())));
        var group = await LargeGroups.CreateGroupAsync(client, name, users);
        var sending = write(client, group);
        await Task.Delay(delay);
        await server.KillAsync();
        try
        {
            using var response = await sending.WaitAsync(WriteTimeout);
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            acknowledged = true;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
        }

        await server.StartAsync();
        return (group, acknowledged, $"{delay} of {duration} ms");
    }

    private static void AssertWhole(List<string> violations) => Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
}
