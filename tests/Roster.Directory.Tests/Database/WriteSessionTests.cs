using Microsoft.Data.Sqlite;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Database;

public sealed class WriteSessionTests
{
    [SqliteFact]
    public async Task A_write_session_holds_the_write_lock_from_its_start()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var session = await directory.Database.WriteAsync(directory.Caller.TenantId, CancellationToken.None);

        await using var other = new SqliteConnection($"Data Source={directory.FilePath};Pooling=False;Default Timeout=1");
        await other.OpenAsync();
        await using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";

        var error = await Assert.ThrowsAsync<SqliteException>(() => begin.ExecuteNonQueryAsync());
        Assert.Equal(5, error.SqliteErrorCode);
    }

    [Fact]
    public async Task Writers_of_one_process_queue_instead_of_failing_busy()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            directory.Users.CreateAsync(directory.Caller, new UserBuilder($"user{i}").Build(), CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(64, (await directory.Users.ListAsync(directory.Caller, Requests.Query(count: 0), CancellationToken.None)).Ok().TotalResults);
    }

    // PostgreSQL has many writers; a tenant's still go one after the other (ISqlDialect.SerializeTenantWrites).
    // The lock is taken with a session's first statement, so each session here runs one.
    [PostgresFact]
    public async Task Writers_of_one_tenant_go_one_after_the_other_and_other_tenants_do_not_wait()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        await using var first = await directory.Database.WriteAsync(directory.Caller.TenantId, CancellationToken.None);
        await CountUsersAsync(first);

        var sameTenant = Task.Run(async () =>
        {
            await using var second = await directory.Database.WriteAsync(directory.Caller.TenantId, CancellationToken.None);
            await CountUsersAsync(second);
        });
        await using (var otherTenant = await directory.Database.WriteAsync(other.TenantId, CancellationToken.None))
        {
            await CountUsersAsync(otherTenant);
            await otherTenant.CommitAsync(CancellationToken.None);
        }

        // The second writer is seen waiting for the tenant's lock in the server's lock table.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Assert.Single(await directory.QuerySqlAsync("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) != "1")
        {
            Assert.True(DateTime.UtcNow < deadline, "The second writer of the tenant never waited for the first.");
            await Task.Yield();
        }

        Assert.False(sameTenant.IsCompleted);
        await first.CommitAsync(CancellationToken.None);
        await sameTenant.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static Task<object?> CountUsersAsync(Roster.Directory.Database.SqlSession session) =>
        session.ScalarAsync($"SELECT COUNT(*) FROM users WHERE tenant_id = {Roster.Directory.Filtering.SqlParameters.Tenant}", session.Parameters(), CancellationToken.None);
}
