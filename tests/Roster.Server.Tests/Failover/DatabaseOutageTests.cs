using System.Net;
using Roster.Directory.Keys;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Crashes;
using Roster.Server.Tests.Infrastructure;
using Roster.Server.Tests.Nodes;

namespace Roster.Server.Tests.Failover;

/// <summary>
/// A PostgreSQL server stopped under a running <c>roster serve</c> (every connection cut, as in its
/// crash) and started again: while it is down, SCIM requests are a 503 with <c>Retry-After</c> and a
/// SCIM error body saying to retry, never a 500, and the node is not ready; once it is back, the
/// same node (not restarted) answers again, ready, with what was written before the outage.
/// </summary>
[Collection(CrashCollectionDefinition.Name)]
public sealed class DatabaseOutageTests
{
    private static readonly TimeSpan BackWithin = TimeSpan.FromSeconds(60);

    [PostgresFact]
    public async Task A_database_outage_is_a_503_with_Retry_After_and_the_node_recovers_by_itself()
    {
        await using var database = await OwnPostgresServer.StartAsync();
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-outage-node-");
        try
        {
            var keyFile = Path.Combine(folder.FullName, "roster.key");
            await File.WriteAllTextAsync(keyFile, FileKeyEncryptionKey.NewKeyFileText());
            await using var node = await RosterNode.StartAsync("roster", new Dictionary<string, string>
            {
                ["Storage__Provider"] = "postgres",
                ["Storage__ConnectionString"] = database.ConnectionString,
                ["Roster__Keys__KeyFile"] = keyFile,
                ["Roster__Mail__PickupFolder"] = Path.Combine(folder.FullName, "mail"),
                ["Roster__RateLimits__Enabled"] = "false",
                ["Logging__LogLevel__Default"] = "Error",
            });
            var orgId = node.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')');
            using var scim = node.CreateClient(node.BannerValue("SCIM token:"), $"scim/v2/{orgId}/");
            using var probe = node.CreateClient(null);
            var before = await scim.CreateUserAsync("before.outage@example.com");

            await database.StopAsync();

            using (var create = await scim.PostAsync("Users", ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"during.outage@example.com"}""")))
            {
                await AssertUnavailableAsync(create);
            }

            using (var read = await scim.GetAsync($"Users/{before.Id()}"))
            {
                await AssertUnavailableAsync(read);
            }

            using (var ready = await probe.GetAsync(new Uri("health/ready", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            }

            using (var live = await probe.GetAsync(new Uri("health/live", UriKind.Relative)))
            {
                // Alive: restarting the process would not bring the database back.
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            }

            await database.StartAgainAsync();

            // The node finds the database again by itself: its pool's broken connections are dropped.
            using var back = new CancellationTokenSource(BackWithin);
            while (true)
            {
                using var ready = await probe.GetAsync(new Uri("health/ready", UriKind.Relative), back.Token);
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }

                await Task.Delay(100, back.Token);
            }

            var after = await scim.CreateUserAsync("after.outage@example.com");
            using var found = await scim.GetAsync($"Users/{before.Id()}");
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.NotEqual(before.Id(), after.Id());
            using var none = await scim.GetAsync($"Users?filter={Uri.EscapeDataString("userName eq \"during.outage@example.com\"")}");
            Assert.Equal(0, (int)(await none.ReadObjectAsync())["totalResults"]!);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
        var error = await response.ReadObjectAsync();
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:Error", (string)error["schemas"]![0]!);
        Assert.Equal("503", (string)error["status"]!);
        Assert.Contains("database cannot be reached", (string)error["detail"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", body, StringComparison.Ordinal);
    }
}
