using System.Net;
using Microsoft.Data.Sqlite;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Nodes;

namespace Roster.Server.Tests.Cli;

/// <summary>
/// A first <c>roster serve</c> creates the tenant and then its token, two transactions; one that
/// stops between them (killed, out of disk) must not leave a tenant nobody can reach.
/// </summary>
public sealed class FirstStartTests
{
    [SqliteFact]
    public async Task A_tenant_left_without_any_token_gets_its_first_token_on_the_next_start()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-first-start-");
        var file = Path.Combine(folder.FullName, "roster.db");
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "sqlite",
            ["Storage__ConnectionString"] = file,
            ["Roster__Mail__PickupFolder"] = Path.Combine(folder.FullName, "mail"),
        };
        try
        {
            string orgId;
            await using (var first = await RosterNode.StartAsync("first start", environment))
            {
                orgId = first.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')');
            }

            // As if the first start had died right after creating the tenant.
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var delete = connection.CreateCommand();
                delete.CommandText = "DELETE FROM scim_tokens";
                await delete.ExecuteNonQueryAsync();
            }

            string token;
            await using (var second = await RosterNode.StartAsync("second start", environment))
            {
                token = second.BannerValue("SCIM token:");
                Assert.Contains(orgId, second.BannerValue("Tenant:"), StringComparison.Ordinal);
                using var scim = second.CreateClient(token, $"scim/v2/{orgId}/");
                Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users")).StatusCode);
            }

            // Once it has a token, a start prints none.
            await using var third = await RosterNode.StartAsync("third start", environment);
            Assert.DoesNotContain(third.Output, line => line.StartsWith("SCIM token:", StringComparison.Ordinal));
            Assert.Contains(third.Output, line => line.Contains(orgId, StringComparison.Ordinal));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }
}
