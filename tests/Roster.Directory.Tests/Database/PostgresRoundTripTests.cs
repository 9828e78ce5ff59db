using Roster.Directory.Filtering;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Database;

/// <summary>
/// What PostgreSQL's sessions send in front of their statements instead of in round trips of
/// their own: a write's tenant lock rides with its first statement, a search's time budget with
/// each of its statements, in the implicit transaction of that one command.
/// </summary>
public sealed class PostgresRoundTripTests
{
    private const string TenantLock = "SELECT pg_advisory_xact_lock(";

    [PostgresFact]
    public async Task A_write_takes_its_tenants_lock_with_its_first_statement()
    {
        await using var directory = await TestDirectory.CreateAsync();
        using var log = new SqlLog(directory.Caller.TenantId);

        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("babs").Build(), CancellationToken.None)).Ok();

        // Each write session's first statement takes the lock, in the same command as the lock.
        var withLock = log.Statements.Where(s => s.Contains(TenantLock, StringComparison.Ordinal)).ToList();
        Assert.Contains(withLock, s => s.Contains("INSERT INTO users", StringComparison.Ordinal) || s.Contains("FROM scim_settings", StringComparison.Ordinal));
        Assert.All(withLock, s => Assert.Matches(@"^SELECT pg_advisory_xact_lock\([^;]*\); \S", s));
    }

    [PostgresFact]
    public async Task A_search_sends_its_time_budget_with_its_statement()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("babs").Build(), CancellationToken.None)).Ok();
        using var log = new SqlLog(directory.Caller.TenantId);

        var page = (await directory.Users.ListAsync(directory.Caller, Requests.Query("userName eq \"babs\""), CancellationToken.None)).Ok();

        Assert.Equal(1, page.TotalResults);
        Assert.NotEmpty(log.Statements);
        Assert.All(log.Statements, s => Assert.Matches(@"^SELECT set_config\('statement_timeout', '\d+', true\); \S", s));
        Assert.Contains(log.Statements, s => s.Contains("FROM users", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task A_searchs_time_budget_ends_with_its_statement()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.ListAsync(directory.Caller, Requests.Query("userName eq \"babs\""), CancellationToken.None)).Ok();

        // Pooled connections are not reset (PostgresConnectionStrings): a setting that outlived the
        // search would be seen by the next session on its connection.
        await using var session = await directory.Database.ReadAsync(directory.Caller.TenantId, CancellationToken.None);
        var timeout = await session.ScalarAsync(
            $"SELECT current_setting('statement_timeout') WHERE {SqlParameters.Tenant} IS NOT NULL", session.Parameters(), CancellationToken.None);

        Assert.Equal("0", timeout);
    }
}
