using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Cli;
using Roster.Server.Tests.Events;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Nodes;
using Xunit.Abstractions;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// SIGKILL of <c>roster serve</c> while it delivers webhooks to a slow receiver, then a new
/// process on the same database: every event arrives, each resource's in order; the only
/// duplicates are requests that were in flight when the process died (at least once).
/// </summary>
[Collection(CrashCollectionDefinition.Name)]
public sealed class WebhookKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Users = 10;
    private const int PatchesPerUser = 3;
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("roster-webhook-kill-").FullName;
    private PostgresTestDatabase? _postgres;

    private Dictionary<string, string> Environment { get; } = new()
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Roster__RateLimits__Enabled"] = "false",
        ["Roster__Webhooks__AllowedNetworks"] = "127.0.0.0/8",
        // A request times out only when the receiver is far past its 150 ms: on a loaded machine a
        // timeout of 2 s fired on answered requests, and their retries looked like repeats of the kill.
        ["Roster__Webhooks__LeaseSeconds"] = "15",
        ["Roster__Webhooks__TimeoutSeconds"] = "10",
        ["Roster__Webhooks__MaxBackoffSeconds"] = "1",
    };

    public async Task InitializeAsync()
    {
        if (TestStorage.IsPostgres)
        {
            _postgres = await PostgresTestDatabase.CreateAsync(migrated: false);
            Environment["Storage__Provider"] = "postgres";
            Environment["Storage__ConnectionString"] = _postgres.ConnectionString;
        }
        else
        {
            Environment["ROSTER_DATA"] = Path.Combine(_directory, "roster.db");
        }
    }

    [Fact]
    public async Task A_killed_server_loses_no_event_and_repeats_only_what_was_in_flight()
    {
        await using var receiver = await WebhookReceiver.StartNewAsync();
        receiver.Answer = _ => (200, TimeSpan.FromMilliseconds(150));
        var node = await RosterNode.StartAsync("first", Environment);
        var orgId = Guid.Parse(node.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')')).ToString();
        var token = node.BannerValue("SCIM token:");
        var hook = await CliAsync("webhooks", "create", "--tenant", orgId, "--url", receiver.Url, "--event-type", "user.*", "--json");

        using (var scim = node.CreateClient(token, $"scim/v2/{orgId}/"))
        {
            await Task.WhenAll(Enumerable.Range(0, Users).Select(async u =>
            {
                var user = (await scim.CreateUserAsync($"killed-{u}-{Guid.NewGuid():N}@example.com")).Id();
                for (var p = 0; p < PatchesPerUser; p++)
                {
                    var patched = await scim.PatchAsync($"Users/{user}", $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"P{{p}}"}]}""");
                    Assert.True(patched.IsSuccessStatusCode);
                }
            }));
        }

        // Mid-way: some delivered, some in flight, most still pending.
        await receiver.WaitUntilAsync(r => r.Count >= Users, Bound, "the first deliveries");
        await node.KillAsync();
        var atKill = receiver.Received.Count;
        await node.DisposeAsync();
        await using var second = await RosterNode.StartAsync("second", Environment);

        var (code, feed, error) = await RosterProcess.RunAsync(Environment, "events", "list", "--tenant", orgId, "--type", "user.*", "--limit", "1000");
        Assert.True(code == 0, error);
        var expected = feed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (string)JsonNode.Parse(line)!["id"]!).ToHashSet();
        Assert.Equal(Users * (1 + PatchesPerUser), expected.Count);
        await receiver.WaitUntilAsync(r => expected.IsSubsetOf(r.Where(x => x.AnsweredWith == 200).Select(x => x.Id)), Bound, $"all {expected.Count} events after the restart");

        var received = receiver.Received;
        var duplicates = received.Count - received.Select(r => r.Id).Distinct().Count();
        output.WriteLine($"{expected.Count} events; {atKill} requests before the kill, {received.Count} in all, {duplicates} repeated; endpoint {hook["id"]}.");
        WebhookDeliveryTests.AssertInOrderPerResource(received);

        // At most one request per resource was in flight when the process died.
        Assert.InRange(duplicates, 0, Users);
    }

    public async Task DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_directory, recursive: true);
    }

    private async Task<JsonNode> CliAsync(params string[] args)
    {
        var (code, text, error) = await RosterProcess.RunAsync(Environment, args);
        Assert.True(code == 0, $"roster {string.Join(' ', args)} failed ({code}): {error}");
        return JsonNode.Parse(text)!;
    }
}
