using Npgsql;
using Roster.Directory.Database;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Database;

/// <summary>
/// PostgreSQL plans every credential check on <c>role_grants</c>, and every read of a person's
/// groups, from the tables' statistics. A write that changes many of their rows at once refreshes
/// them when it commits: a plan made while they counted the table as empty read the tenant's every
/// grant on each request, until autovacuum came by a minute or more later.
/// </summary>
public sealed class BulkChangeStatisticsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [PostgresFact]
    public async Task A_rule_that_gives_a_role_to_many_people_leaves_statistics_that_count_them()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var roleId = await GroupOfPeopleAsync(directory, "Agents", SqlSession.BulkChangeRows);
        var before = await GrantRowsEstimateAsync(directory);

        (await directory.Get<CreateRoleRule>().ExecuteAsync(directory.Admin, new RoleRuleDraft(RuleMatches.GroupDisplayName, "Agents", roleId), None)).Ok();

        Assert.True(before < SqlSession.BulkChangeRows, $"The statistics counted the grants before the rule gave them ({before}).");
        Assert.True(await GrantRowsEstimateAsync(directory) >= SqlSession.BulkChangeRows);
    }

    [PostgresFact]
    public async Task A_rule_over_a_few_people_leaves_the_statistics_to_autovacuum()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var roleId = await GroupOfPeopleAsync(directory, "Agents", 3);
        var before = await GrantRowsEstimateAsync(directory);

        (await directory.Get<CreateRoleRule>().ExecuteAsync(directory.Admin, new RoleRuleDraft(RuleMatches.GroupDisplayName, "Agents", roleId), None)).Ok();

        Assert.Equal(before, await GrantRowsEstimateAsync(directory));
    }

    [PostgresFact]
    public async Task A_group_created_with_many_members_leaves_statistics_that_count_them()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var before = await RowsEstimateAsync(directory, "group_members");

        await GroupOfPeopleAsync(directory, "Agents", SqlSession.BulkChangeRows);

        Assert.True(before < SqlSession.BulkChangeRows, $"The statistics counted the members before they were added ({before}).");
        Assert.True(await RowsEstimateAsync(directory, "group_members") >= SqlSession.BulkChangeRows);
    }

    /// <summary>A group of <paramref name="people"/> new users, and a role for a rule to map it to.</summary>
    private static async Task<Guid> GroupOfPeopleAsync(TestDirectory directory, string name, int people)
    {
        var ids = new List<string>();
        for (var i = 0; i < people; i++)
        {
            ids.Add((await directory.Users.CreateAsync(directory.Caller, new UserBuilder($"person-{i}@example.com").Build(), None)).Ok().Id);
        }

        (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder(name).WithMembers([.. ids]).Build(), None)).Ok();
        return (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Agent", ["audit.view"], None)).Ok().Id;
    }

    private static Task<double> GrantRowsEstimateAsync(TestDirectory directory) => RowsEstimateAsync(directory, "role_grants");

    /// <summary>How many rows the planner believes <paramref name="table"/> holds (-1: never analysed).</summary>
    private static async Task<double> RowsEstimateAsync(TestDirectory directory, string table)
    {
        await using var connection = new NpgsqlConnection(directory.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT reltuples FROM pg_class WHERE oid = CAST(@table AS regclass)", connection);
        command.Parameters.AddWithValue("table", table);
        return Convert.ToDouble(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
