using Microsoft.Data.Sqlite;
using Roster.Directory.Filtering;
using Roster.Directory.Tests.Support;
using Roster.Scim.Schemas;
using Roster.Storage.Sqlite;

namespace Roster.Directory.Tests.Filtering;

/// <summary>Filters on indexed attributes must seek an index, never scan the tenant's rows.</summary>
public sealed class IndexUseTests
{
    [SqliteTheory]
    [InlineData("Users", "userName eq \"bjensen\"", "ux_users_user_name_key (tenant_id=? AND user_name_key=?)")]
    [InlineData("Users", "externalId eq \"x\"", "ix_users_external_id")]
    [InlineData("Users", "displayName eq \"Babs\"", "ix_users_display_name_key")]
    [InlineData("Users", "meta.lastModified gt \"2026-01-01T00:00:00Z\"", "ix_users_last_modified")]
    [InlineData("Users", "meta.created lt \"2026-01-01T00:00:00Z\"", "ix_users_created")]
    [InlineData("Users", "emails.value eq \"b@example.com\"", "ix_user_emails_value_key (tenant_id=? AND value_key=?)")]
    [InlineData("Users", "emails[value eq \"b@example.com\"]", "ix_user_emails_value_key (tenant_id=? AND value_key=?)")]
    [InlineData("Users", "id eq \"2819c223-7f76-453a-919d-413861904646\"", "sqlite_autoindex_users_1 (tenant_id=? AND id=?)")]
    [InlineData("Users", "groups.value eq \"2819c223-7f76-453a-919d-413861904646\"", "sqlite_autoindex_group_members_1 (tenant_id=? AND group_id=?)")]
    [InlineData("Groups", "displayName eq \"Admins\"", "ix_groups_display_name_key")]
    [InlineData("Groups", "externalId eq \"x\"", "ix_groups_external_id")]
    [InlineData("Groups", "members.value eq \"2819c223-7f76-453a-919d-413861904646\"", "ix_group_members_member_id (tenant_id=? AND member_id=?)")]
    [InlineData("Groups", "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]", "ix_group_members_member_id (tenant_id=? AND member_id=?)")]
    public async Task An_indexed_attribute_filter_uses_its_index(string resource, string filter, string index)
    {
        await using var directory = await TestDirectory.CreateAsync();
        var users = resource == "Users";
        var table = users ? ResourceTable.Users : ResourceTable.Groups;
        var dialect = new SqliteDialect();
        var parameters = new SqlParameters(dialect.Key(directory.Caller.TenantId));
        var condition = new FilterSqlTranslator(dialect).Translate(Requests.Filter(filter), table, users ? ScimResourceTypes.User : ScimResourceTypes.Group, parameters).Ok();

        var plan = await ExplainAsync(directory.FilePath, $"SELECT {table.Alias}.id FROM {table.Name} AS {table.Alias} WHERE {table.Alias}.tenant_id = @tenant AND {condition}", parameters);

        var steps = string.Join(" | ", plan);
        Assert.True(plan.Exists(step => step.Contains(index, StringComparison.Ordinal)), steps);
        Assert.False(plan.Exists(step => step.StartsWith($"SCAN {table.Alias}", StringComparison.Ordinal)), steps);
    }

    private static async Task<List<string>> ExplainAsync(string path, string sql, SqlParameters parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        connection.CreateFunction<string?, string?>(CaseFolding.SqlFunctionName, v => v is null ? null : CaseFolding.Fold(v));
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
