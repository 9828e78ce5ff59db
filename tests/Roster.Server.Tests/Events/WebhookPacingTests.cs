using System.Diagnostics;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Webhooks;

namespace Roster.Server.Tests.Events;

/// <summary>
/// The webhook sender's pacing: a stream of commits wakes it for at most one round per
/// <see cref="WebhookDispatcher.MinRoundInterval"/> (each round a cross-tenant look-up of the
/// endpoints), not one round per commit. Its own server, so that no other test's commits count.
/// </summary>
public sealed class WebhookPacingTests(RosterServerFixture server) : IClassFixture<RosterServerFixture>
{
    [Fact]
    public async Task A_stream_of_commits_costs_one_round_per_interval_not_one_per_commit()
    {
        var tenant = await server.CreateTenantAsync("Webhook pacing");
        var dispatcher = server.Services.GetRequiredService<WebhookDispatcher>();
        const int commits = 100;

        var before = dispatcher.Rounds;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < commits; i++)
        {
            await tenant.Scim.CreateUserAsync($"pacing-{i}@example.com");
        }

        var elapsed = clock.Elapsed;
        var rounds = dispatcher.Rounds - before;

        // A round per interval, and one more at each end of the stream; the idle period's rounds are among them.
        var allowed = (long)(elapsed / WebhookDispatcher.MinRoundInterval) + 2;
        Assert.True(
            rounds <= allowed,
            $"{commits} commits in {elapsed.TotalMilliseconds:0} ms woke the sender for {rounds} rounds; at most {allowed} expected.");
    }
}
