using Npgsql;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Crashes;

/// <summary>
/// On PostgreSQL the test can stop the server's transaction at a known point instead of guessing
/// when to kill: it inserts, without committing, the membership row of the last member a PATCH
/// adds, so the server's INSERT of that row waits with every other member already inserted in
/// its transaction. The kill then lands inside the transaction for certain; once the test lets
/// go of the row, none of the members may be there.
/// </summary>
[Collection(CrashCollectionDefinition.Name)]
public sealed class PostgresHeldWriteKillTests
{
    private const int Members = 500;
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task A_PATCH_killed_inside_its_transaction_leaves_no_member_and_the_group_at_its_version()
    {
        await using var database = await CrashDatabase.CreateAsync();
        await using var server = new KillableServer(database);
        await server.StartAsync();
        var users = await LargeGroups.CreateUsersAsync(server, Members);
        using var client = server.CreateScimClient();
        var group = await LargeGroups.CreateGroupAsync(client, "held", users: null);

        await using var holder = (NpgsqlConnection)await database.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO group_members (tenant_id, group_id, member_id, member_type) VALUES (@tenant, @group, @member, 'User')", holder, held))
        {
            insert.Parameters.AddWithValue("tenant", server.OrgId);
            insert.Parameters.AddWithValue("group", Guid.Parse(group));
            insert.Parameters.AddWithValue("member", Guid.Parse(users[^1]));
            await insert.ExecuteNonQueryAsync();
        }

        var sending = client.PatchAsync($"Groups/{group}", LargeGroups.AddAll(users));
        await WaitForTheServerToWaitOnTheRowAsync(database);
        await server.KillAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => sending.WaitAsync(WaitLimit));

        // The server's backend outlives the process until it next talks to it: let it go on.
        await held.RollbackAsync();
        await server.StartAsync();

        var (version, members) = await LargeGroups.ReadAsync(server, group);
        Assert.Empty(members);
        Assert.Equal(1, version);
        Assert.Empty(await DatabaseInvariants.CheckAsync(database));
    }

    private static async Task WaitForTheServerToWaitOnTheRowAsync(CrashDatabase database)
    {
        await using var watcher = await database.OpenAsync();
        await using var waiting = watcher.CreateCommand();
        waiting.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO group_members%'";
        using var limit = new CancellationTokenSource(WaitLimit);
        while ((long)(await waiting.ExecuteScalarAsync(limit.Token))! == 0)
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
