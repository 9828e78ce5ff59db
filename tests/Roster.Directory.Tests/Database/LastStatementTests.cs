using System.Data.Common;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Database;

/// <summary>
/// A write's last statement (<see cref="SqlSession.ExecuteLastAsync"/>: the audit row, its events
/// and their notification) goes with the <c>COMMIT</c> on PostgreSQL, one round trip fewer. Held
/// back until then, it still runs before any statement given after it, and its failure undoes the
/// whole transaction, as a statement sent at once would.
/// </summary>
public sealed class LastStatementTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string NameOfTenant = $"SELECT name FROM tenants WHERE id = {SqlParameters.Tenant}";

    [PostgresFact]
    public async Task A_write_sends_its_audit_with_the_commit()
    {
        await using var directory = await TestDirectory.CreateAsync();
        using var log = new SqlLog(directory.Caller.TenantId);

        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("babs").Build(), None)).Ok();

        var statements = log.Statements;
        Assert.Contains("INSERT INTO audit_events", statements[^1], StringComparison.Ordinal);
        Assert.EndsWith("; COMMIT", statements[^1], StringComparison.Ordinal);
        Assert.Single(statements, s => s.Contains("COMMIT", StringComparison.Ordinal));
        Assert.Equal("1", Assert.Single(await directory.QuerySqlAsync("SELECT COUNT(*) FROM audit_events WHERE action = 'user.create'")));
    }

    [Fact]
    public async Task A_held_statement_runs_before_any_statement_given_after_it()
    {
        await using var directory = await TestDirectory.CreateAsync();

        await using (var session = await directory.Database.WriteAsync(directory.Caller.TenantId, None))
        {
            await session.ExecuteLastAsync(Rename("Renamed"), session.Parameters(), None);
            Assert.Equal("Renamed", await session.ScalarAsync(NameOfTenant, session.Parameters(), None));

            // A command its caller runs itself (a member insert run once per member) comes after it too.
            await session.ExecuteLastAsync(Rename("Renamed twice"), session.Parameters(), None);
            await using (var read = session.Command(NameOfTenant, session.Parameters()))
            {
                Assert.Equal("Renamed twice", await read.ExecuteScalarAsync());
            }

            await session.ExecuteLastAsync(Rename("Renamed three times"), session.Parameters(), None);
            await session.CommitAsync(None);
        }

        Assert.Equal("Renamed three times", Assert.Single(await directory.QuerySqlAsync("SELECT name FROM tenants WHERE name LIKE 'Renamed%'")));
    }

    [Fact]
    public async Task A_held_statement_that_fails_undoes_the_whole_transaction_and_the_connection_stays_usable()
    {
        await using var directory = await TestDirectory.CreateAsync();

        await using (var session = await directory.Database.WriteAsync(directory.Caller.TenantId, None))
        {
            await session.ExecuteAsync(Rename("Changed first"), session.Parameters(), None);
            await Assert.ThrowsAnyAsync<DbException>(async () =>
            {
                // The name is NOT NULL: refused when sent (SQLite) or with the COMMIT (PostgreSQL).
                await session.ExecuteLastAsync($"UPDATE tenants SET name = NULL WHERE id = {SqlParameters.Tenant}", session.Parameters(), None);
                await session.CommitAsync(None);
            });
        }

        Assert.Equal(["Tenant A"], await directory.QuerySqlAsync("SELECT name FROM tenants WHERE name IN ('Tenant A', 'Changed first')"));

        // The next writes take pooled connections again, the failed one among them.
        for (var i = 0; i < 4; i++)
        {
            await using var next = await directory.Database.WriteAsync(directory.Caller.TenantId, None);
            await next.ExecuteLastAsync(Rename($"After {i}"), next.Parameters(), None);
            await next.CommitAsync(None);
        }

        Assert.Equal(["After 3"], await directory.QuerySqlAsync("SELECT name FROM tenants WHERE name LIKE 'After%'"));
    }

    [Fact]
    public async Task A_session_ended_without_its_commit_leaves_the_held_statement_undone()
    {
        await using var directory = await TestDirectory.CreateAsync();
        using var log = new SqlLog(directory.Caller.TenantId);

        await using (var session = await directory.Database.WriteAsync(directory.Caller.TenantId, None))
        {
            await session.ExecuteLastAsync(Rename("Never"), session.Parameters(), None);
        }

        Assert.Empty(await directory.QuerySqlAsync("SELECT name FROM tenants WHERE name = 'Never'"));
        if (TestStorage.IsPostgres)
        {
            // Held, then dropped: it never reached the database.
            Assert.DoesNotContain(log.Statements, s => s.Contains("'Never'", StringComparison.Ordinal));
        }
    }

    // A name from the test, not from a request: it may be part of the statement's text.
    private static string Rename(string name) => $"UPDATE tenants SET name = '{name}' WHERE id = {SqlParameters.Tenant}";
}
