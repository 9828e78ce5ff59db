using System.Globalization;
using System.Net.Http.Json;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Events;
using Roster.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Roster.Server.Tests.Nodes;

/// <summary>
/// The feed and webhooks with two Roster processes on one PostgreSQL database: writers on both
/// nodes leave no gap in the feed read from either, and the nodes share the deliveries, each
/// event sent once, in order per resource.
/// </summary>
public sealed class TwoNodeEventTests(TwoNodeCluster cluster, ITestOutputHelper output) : IClassFixture<TwoNodeCluster>
{
    private const int WritersPerNode = 4;
    private const int UsersPerWriter = 5;
    private const int PatchesPerUser = 3;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [PostgresFact]
    public async Task Writers_on_both_nodes_and_a_reader_switching_nodes_leave_no_gap()
    {
        var (a, b) = await AdminsAsync();
        var head = await HeadAsync(a);
        var reader = new FeedReader(head);
        using var done = new CancellationTokenSource();
        var reading = Task.Run(async () =>
        {
            for (var page = 0; !done.IsCancellationRequested; page++)
            {
                await reader.ReadAsync(page % 2 == 0 ? a : b, "&wait=0.2");
            }
        });

        var written = (await Task.WhenAll(Writers().Select(WriteAsync))).Sum();
        await done.CancelAsync();
        await reading;
        while (await reader.ReadAsync(b) > 0)
        {
        }

        output.WriteLine($"{written} writes through both nodes; the reader saw {reader.Types.Count} events, sequences {head + 1}..{reader.Cursor}.");
        Assert.Empty(reader.Gaps);
        Assert.Equal(written, reader.Types.Count);
    }

    [PostgresFact]
    public async Task Both_nodes_send_the_deliveries_each_event_once_and_in_order_per_resource()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        receiver.Answer = _ => (204, TimeSpan.FromMilliseconds(20));
        var (a, _) = await AdminsAsync();
        var registered = await a.PostAsJsonAsync("webhooks", new { url = receiver.Url, eventTypes = new[] { "user.*" } });
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var head = await HeadAsync(a);

        await Task.WhenAll(Writers().Select(WriteAsync));
        var expected = (await a.ReadAllAsync(head, "&types=user.*")).Select(e => (string)e["id"]!).ToHashSet();
        await receiver.WaitUntilAsync(r => expected.IsSubsetOf(r.Select(x => x.Id)), Bound, $"all {expected.Count} events");

        var received = receiver.Received;
        output.WriteLine($"{expected.Count} events, {received.Count} requests.");
        Assert.Equal(expected.Count, received.Count);
        Assert.Equal(expected.Count, received.Select(r => r.Id).Distinct().Count());
        WebhookDeliveryTests.AssertInOrderPerResource(received);
    }

    private async Task<(HttpClient A, HttpClient B)> AdminsAsync()
    {
        var (_, email) = await cluster.CreateAdministratorAsync(activateAt: cluster.A);
        var a = cluster.A.CreateClient(null, $"api/v1/orgs/{cluster.OrgId}/");
        var b = cluster.B.CreateClient(null, $"api/v1/orgs/{cluster.OrgId}/");
        a.DefaultRequestHeaders.Authorization = b.DefaultRequestHeaders.Authorization = AdminSessions.Basic(email, AdminSessions.Password);
        return (a, b);
    }

    private IEnumerable<HttpClient> Writers() => Enumerable.Range(0, WritersPerNode * 2)
        .Select(i => (i % 2 == 0 ? cluster.A : cluster.B).CreateClient(cluster.Token, $"scim/v2/{cluster.OrgId}/"));

    private static async Task<long> HeadAsync(HttpClient admin) =>
        long.Parse((string)(await admin.ReadFeedAsync(0, "&limit=1"))["head"]!, CultureInfo.InvariantCulture);

    /// <summary>Creates users and patches each; returns how many writes (events) it made.</summary>
    private static async Task<int> WriteAsync(HttpClient scim)
    {
        using (scim)
        {
            var writes = 0;
            for (var u = 0; u < UsersPerWriter; u++)
            {
                var user = (await scim.CreateUserAsync($"nodes-{Guid.NewGuid():N}@example.com")).Id();
                writes++;
                for (var p = 0; p < PatchesPerUser; p++)
                {
                    var patched = await scim.PatchAsync($"Users/{user}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"P{{p}}"}]}""");
                    Assert.True(patched.IsSuccessStatusCode, await patched.Content.ReadAsStringAsync());
                    writes++;
                }
            }

            return writes;
        }
    }
}
