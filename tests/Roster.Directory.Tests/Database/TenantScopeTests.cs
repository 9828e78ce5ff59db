using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Database;

/// <summary>
/// A session runs a statement for its tenant only when the statement binds the tenant's
/// parameter to that tenant; anything else must say <see cref="SqlScope.CrossTenant"/>.
/// </summary>
public sealed class TenantScopeTests
{
    [Fact]
    public async Task A_statement_without_the_tenant_parameter_is_refused_before_it_runs()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        Assert.True((await directory.Users.CreateAsync(other, new UserBuilder("kept").Build(), CancellationToken.None)).IsSuccess);

        await using (var session = await directory.Database.WriteAsync(directory.Caller.TenantId, CancellationToken.None))
        {
            await Assert.ThrowsAsync<TenantScopeException>(() => session.ExecuteAsync("DELETE FROM users", session.Parameters(), CancellationToken.None));
            await Assert.ThrowsAsync<TenantScopeException>(() => session.ScalarAsync("SELECT COUNT(*) FROM users", session.Parameters(), CancellationToken.None));
            await Assert.ThrowsAsync<TenantScopeException>(() => session.QueryAsync("SELECT id FROM users", session.Parameters(), reader => reader.GetValue(0), CancellationToken.None));
            await session.CommitAsync(CancellationToken.None);
        }

        Assert.Equal("1", Assert.Single(await directory.QuerySqlAsync("SELECT COUNT(*) FROM users")));
    }

    [Fact]
    public async Task A_statement_that_binds_another_tenant_is_refused()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        await using var session = await directory.Database.ReadAsync(directory.Caller.TenantId, CancellationToken.None);

        var parameters = new SqlParameters(session.Dialect.Key(other.TenantId));

        await Assert.ThrowsAsync<TenantScopeException>(() =>
            session.ScalarAsync($"SELECT COUNT(*) FROM users WHERE tenant_id = {SqlParameters.Tenant}", parameters, CancellationToken.None));
    }

    [Fact]
    public async Task A_statement_marked_cross_tenant_runs_and_a_tenant_statement_runs()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        Assert.True((await directory.Users.CreateAsync(other, new UserBuilder("theirs").Build(), CancellationToken.None)).IsSuccess);
        await using var session = await directory.Database.ReadAsync(directory.Caller.TenantId, CancellationToken.None);

        var all = await session.ScalarAsync("SELECT COUNT(*) FROM users", session.Parameters(), CancellationToken.None, SqlScope.CrossTenant);
        var own = await session.ScalarAsync($"SELECT COUNT(*) FROM users WHERE tenant_id = {SqlParameters.Tenant}", session.Parameters(), CancellationToken.None);

        Assert.Equal(1L, Convert.ToInt64(all, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(own, System.Globalization.CultureInfo.InvariantCulture));
    }
}
