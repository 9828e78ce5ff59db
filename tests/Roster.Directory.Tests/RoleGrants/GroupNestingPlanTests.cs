using Microsoft.Data.Sqlite;
using Roster.Directory.Filtering;
using Roster.Directory.RoleGrants;
using Roster.Directory.Tests.Support;
using Roster.Storage.Sqlite;

namespace Roster.Directory.Tests.RoleGrants;

/// <summary>
/// The walks over nested groups that role rules run on every member add and remove must reach
/// <c>group_members</c> through an index from the few groups they start at: a scan of the tenant's
/// memberships costs milliseconds per step on a group of 100,000 members.
/// </summary>
public sealed class GroupNestingPlanTests
{
    [SqliteTheory]
    [InlineData("groups above a group")]
    [InlineData("groups above a user")]
    [InlineData("users below a rule's groups")]
    public async Task A_nesting_walk_seeks_group_members_by_an_index(string walk)
    {
        await using var directory = await TestDirectory.CreateAsync();
        var dialect = new SqliteDialect();
        var parameters = new SqlParameters(dialect.Key(directory.Caller.TenantId));
        var start = parameters.Add(dialect.Key(Guid.NewGuid()));
        var sql = walk switch
        {
            "groups above a group" => GroupNesting.AboveGroup(start) + "SELECT id FROM above",
            "groups above a user" => GroupNesting.AboveUser(start) + "SELECT id FROM above",
            _ => GroupNesting.Below($"g.id = {start}") + "SELECT user_id FROM reached",
        };

        var plan = await ExplainAsync(directory.FilePath, sql, parameters);

        var steps = string.Join(" | ", plan);
        // "SEARCH m USING INDEX ... (tenant_id=?)" is a scan of the tenant's memberships too.
        var onMemberships = plan.Where(step => step == "SCAN m" || step.StartsWith("SCAN m ", StringComparison.Ordinal) || step.StartsWith("SEARCH m ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(onMemberships);
        Assert.All(onMemberships, step => Assert.True(
            step.StartsWith("SEARCH m ", StringComparison.Ordinal) && !step.EndsWith("(tenant_id=?)", StringComparison.Ordinal),
            $"{walk}: {steps}"));
    }

    private static async Task<List<string>> ExplainAsync(string path, string sql, SqlParameters parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters.Values)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
