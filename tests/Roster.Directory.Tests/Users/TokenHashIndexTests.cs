using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Users;

/// <summary>
/// The unique indexes on <c>users.invitation_hash</c> and <c>users.unlock_hash</c> are partial
/// (only rows with a hash have an entry): one hash is still held by one profile, and the token
/// look-ups still seek the index.
/// </summary>
public sealed class TokenHashIndexTests
{
    private const string Hash = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Two_profiles_cannot_hold_one_invitation_hash()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var ada = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");
        var grace = await EmployeeSetup.InvitedAsync(directory, "grace@example.com");
        await SetAsync(directory, ada.Id, EmployeeSql.UpdateInvitationAsync);

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => SetAsync(directory, grace.Id, EmployeeSql.UpdateInvitationAsync));

        Assert.True(directory.Database.Dialect.IsUniqueViolation(refused));
        await using var session = await directory.Database.ReadAsync(directory.Caller.TenantId, None);
        Assert.Equal(ada.Id, (await EmployeeSql.FindByInvitationAsync(session, Hash, None))!.Id);
    }

    [Fact]
    public async Task Two_profiles_cannot_hold_one_unlock_hash()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var ada = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        var grace = await EmployeeSetup.ActiveAsync(directory, "grace@example.com");
        await SetAsync(directory, ada.Id, EmployeeSql.UpdateUnlockAsync);

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => SetAsync(directory, grace.Id, EmployeeSql.UpdateUnlockAsync));

        Assert.True(directory.Database.Dialect.IsUniqueViolation(refused));
        await using var session = await directory.Database.ReadAsync(directory.Caller.TenantId, None);
        Assert.Equal(ada.Id, (await EmployeeSql.FindByUnlockAsync(session, Hash, None))!.Value.Row.Id);
    }

    [SqliteFact]
    public async Task On_SQLite_the_token_look_ups_seek_the_partial_indexes()
    {
        await using var directory = await TestDirectory.CreateAsync();

        Assert.Contains("USING INDEX ux_users_invitation_hash (tenant_id=? AND invitation_hash=?)", await PlanAsync(directory, "EXPLAIN QUERY PLAN", "invitation_hash"), StringComparison.Ordinal);
        Assert.Contains("USING INDEX ux_users_unlock_hash (tenant_id=? AND unlock_hash=?)", await PlanAsync(directory, "EXPLAIN QUERY PLAN", "unlock_hash"), StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_the_token_look_ups_can_use_the_partial_indexes()
    {
        await using var directory = await TestDirectory.CreateAsync();

        // A table of a few rows is read whole by choice; with that choice taken away, the plan shows the index is usable.
        Assert.Contains("ux_users_invitation_hash", await PlanAsync(directory, "EXPLAIN", "invitation_hash"), StringComparison.Ordinal);
        Assert.Contains("ux_users_unlock_hash", await PlanAsync(directory, "EXPLAIN", "unlock_hash"), StringComparison.Ordinal);
    }

    private static async Task SetAsync(TestDirectory directory, Guid id, Func<SqlSession, Guid, string?, DateTimeOffset?, CancellationToken, Task> set)
    {
        await using var session = await directory.Database.WriteAsync(directory.Caller.TenantId, None);
        await set(session, id, Hash, TestDirectory.Start.AddDays(1), None);
        await session.CommitAsync(None);
    }

    // The statement of EmployeeSql's look-ups, with the tenant and hash bound as parameters as they are there.
    private static async Task<string> PlanAsync(TestDirectory directory, string explain, string column)
    {
        await using var context = directory.Database.CreateContext(Guid.Empty);
        await context.Database.OpenConnectionAsync();
        if (!explain.Contains("QUERY PLAN", StringComparison.Ordinal))
        {
            await context.Database.ExecuteSqlRawAsync("SET enable_seqscan = off");
        }

        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"{explain} SELECT u.id FROM users AS u WHERE u.tenant_id = @t AND u.{column} = @h";
        Add(command, "@t", directory.Database.Dialect.Key(directory.Caller.TenantId));
        Add(command, "@h", Hash);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(reader.FieldCount - 1));
        }

        return string.Join('\n', lines);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
