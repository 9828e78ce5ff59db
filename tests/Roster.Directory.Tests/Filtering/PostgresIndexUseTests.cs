using Npgsql;
using Roster.Directory.Filtering;
using Roster.Directory.Tests.Support;
using Roster.Scim.Schemas;
using Roster.Storage.Postgres;

namespace Roster.Directory.Tests.Filtering;

/// <summary>
/// PostgreSQL's counterpart of <see cref="IndexUseTests"/>: filters on indexed attributes seek
/// their index. The planner chooses by statistics, so the tenant first gets a few thousand rows
/// none of which match, and is analyzed; sequential scans are switched off as well, so that the
/// plan shows whether an index can serve the condition rather than what is cheapest on a small table.
/// </summary>
public sealed class PostgresIndexUseTests
{
    [PostgresTheory]
    [InlineData("Users", "userName eq \"bjensen\"", "ux_users_user_name_key")]
    [InlineData("Users", "userName eq \"BJensen@Example.COM\"", "ux_users_user_name_key")]
    [InlineData("Users", "externalId eq \"x\"", "ix_users_external_id")]
    [InlineData("Users", "displayName eq \"Babs\"", "ix_users_display_name_key")]
    [InlineData("Users", "meta.lastModified gt \"2026-01-01T00:00:00Z\"", "ix_users_last_modified")]
    [InlineData("Users", "meta.created lt \"2026-01-01T00:00:00Z\"", "ix_users_created")]
    [InlineData("Users", "emails.value eq \"b@example.com\"", "ix_user_emails_value_key")]
    [InlineData("Users", "emails[value eq \"b@example.com\"]", "ix_user_emails_value_key")]
    [InlineData("Users", "id eq \"2819c223-7f76-453a-919d-413861904646\"", "pk_users")]
    // groups.value walks nested groups from the group named; with 300 memberships PostgreSQL reads
    // them by bitmap and joins the users by their key, which is what must not become a scan.
    [InlineData("Users", "groups.value eq \"2819c223-7f76-453a-919d-413861904646\"", "pk_users")]
    [InlineData("Groups", "displayName eq \"Admins\"", "ix_groups_display_name_key")]
    [InlineData("Groups", "externalId eq \"x\"", "ix_groups_external_id")]
    [InlineData("Groups", "members.value eq \"2819c223-7f76-453a-919d-413861904646\"", "ix_group_members_member_id")]
    [InlineData("Groups", "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]", "ix_group_members_member_id")]
    public async Task An_indexed_attribute_filter_uses_its_index(string resource, string filter, string index)
    {
        await using var directory = await TestDirectory.CreateAsync();
        var users = resource == "Users";
        var table = users ? ResourceTable.Users : ResourceTable.Groups;
        var dialect = new PostgresDialect();
        var parameters = new SqlParameters(dialect.Key(directory.Caller.TenantId));
        await SeedAsync(directory);
        var condition = new FilterSqlTranslator(dialect).Translate(Requests.Filter(filter), table, users ? ScimResourceTypes.User : ScimResourceTypes.Group, parameters).Ok();

        var plan = await ExplainAsync(directory.PostgresConnectionString, $"SELECT {table.Alias}.id FROM {table.Name} AS {table.Alias} WHERE {table.Alias}.tenant_id = @tenant AND {condition}", parameters);

        var steps = string.Join(" | ", plan);
        Assert.True(plan.Exists(step => step.Contains($" using {index} ", StringComparison.Ordinal) || step.Contains($" on {index}", StringComparison.Ordinal)), steps);
        Assert.False(plan.Exists(step => step.Contains($"Seq Scan on {table.Name}", StringComparison.Ordinal)), steps);
    }

    private static async Task SeedAsync(TestDirectory directory)
    {
        var tenant = $"'{directory.Caller.TenantId}'::uuid";
        await directory.ExecuteSqlAsync(
            "INSERT INTO users (tenant_id, id, user_name, user_name_key, external_id, display_name, display_name_key, created, last_modified, version, document) " +
            $"SELECT {tenant}, gen_random_uuid(), 'u' || g, 'U' || g, 'x' || g, 'd' || g, 'D' || g, " +
            "timestamptz '2026-06-01' + g * interval '1 minute', timestamptz '2025-01-01' + g * interval '1 minute', 1, '{}' FROM generate_series(1, 3000) AS g;" +
            "INSERT INTO groups (tenant_id, id, display_name, display_name_key, external_id, created, last_modified, version, document) " +
            $"SELECT {tenant}, gen_random_uuid(), 'g' || g, 'G' || g, 'x' || g, timestamptz '2026-06-01', timestamptz '2025-01-01', 1, '{{}}' FROM generate_series(1, 300) AS g;" +
            $"INSERT INTO user_emails (tenant_id, user_id, value_key) SELECT tenant_id, id, user_name_key || '@EXAMPLE.COM' FROM users WHERE tenant_id = {tenant};" +
            "INSERT INTO group_members (tenant_id, group_id, member_id, member_type) " +
            $"SELECT g.tenant_id, g.id, u.id, 'User' FROM groups AS g JOIN users AS u ON u.tenant_id = g.tenant_id AND u.user_name_key = 'U' || substr(g.display_name_key, 2) WHERE g.tenant_id = {tenant};" +
            "ANALYZE");
    }

    private static async Task<List<string>> ExplainAsync(string connectionString, string sql, SqlParameters parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var (name, value) in parameters.Values)
        {
            command.Parameters.AddWithValue(name.TrimStart('@'), value ?? DBNull.Value);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var steps = new List<string>();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(0));
        }

        return steps;
    }
}
