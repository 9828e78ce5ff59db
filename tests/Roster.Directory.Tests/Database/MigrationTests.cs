using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Roster.Directory.Provisioning;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Database;

public sealed class MigrationTests
{
    [SqliteFact]
    public async Task Migrating_an_empty_file_creates_every_table_and_leaves_nothing_pending()
    {
        await using var directory = await TestDirectory.CreateAsync(migrate: false);
        Assert.False(File.Exists(directory.FilePath));

        await directory.Database.MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(directory.FilePath));
        Assert.Empty(await directory.Database.PendingMigrationsAsync(CancellationToken.None));
        var tables = await QueryAsync(directory.FilePath, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        Assert.Subset(tables.ToHashSet(), new HashSet<string>
        {
            "tenants", "scim_tokens", "users", "user_emails", "groups", "group_members", "roles", "scim_settings", "audit_events", "bad_token_calls",
        });
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), CancellationToken.None);

        await directory.Database.MigrateAsync(CancellationToken.None);

        var page = (await directory.Users.ListAsync(directory.Caller, Requests.Query(), CancellationToken.None)).Ok();
        Assert.Equal(1, page.TotalResults);
    }

    [SqliteFact]
    public async Task The_database_runs_in_WAL_mode()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var mode = await QueryAsync(directory.FilePath, "PRAGMA journal_mode");

        Assert.Equal("wal", Assert.Single(mode));
    }

    [SqliteFact]
    public async Task Every_index_starts_with_tenant_id_except_credential_lookups_and_the_OAuth_servers_own_tables()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var firstColumns = await QueryAsync(directory.FilePath,
            "SELECT m.name || ':' || i.name || ':' || (SELECT c.name FROM pragma_index_info(i.name) AS c WHERE c.seqno = 0) " +
            "FROM sqlite_master AS m JOIN pragma_index_list(m.name) AS i WHERE m.type = 'table' AND m.name NOT LIKE '\\_\\_%' ESCAPE '\\' AND m.name <> 'tenants'");

        // A presented token, access key ID or client_id is looked up before its tenant is known;
        // OpenIddict's tables, the server keys and the operator's keys and record belong to the
        // deployment, not to a tenant.
        string[] deploymentWide = ["ux_scim_tokens_hash", "ux_access_keys_key_id", "ux_app_registrations_client_id"];
        Assert.NotEmpty(firstColumns);
        Assert.All(
            firstColumns.Where(c => !deploymentWide.Any(d => c.Contains(d, StringComparison.Ordinal)) && !c.StartsWith("oauth_", StringComparison.Ordinal) && !c.StartsWith("server_keys", StringComparison.Ordinal)
                && !c.StartsWith("operator_", StringComparison.Ordinal)),
            c => Assert.EndsWith(":tenant_id", c, StringComparison.Ordinal));
    }

    [SqliteFact]
    public async Task Tenants_created_before_tenant_administration_get_SCIM_settings_with_provisioning_enabled()
    {
        await using var directory = await TestDirectory.CreateAsync(migrate: false);
        await using (var context = directory.Database.CreateContext(Guid.Empty))
        {
            await context.GetService<IMigrator>().MigrateAsync("InitialCreate");
        }

        var tenant = Guid.NewGuid();
        await ExecuteAsync(directory.FilePath, "INSERT INTO tenants (id, name, created) VALUES ($id, 'Old', '2025-01-01T00:00:00.000Z')", ("$id", tenant.ToByteArray(bigEndian: true)));

        await directory.Database.MigrateAsync(CancellationToken.None);

        var settings = await directory.Get<GetScimSettings>().ExecuteAsync(tenant, CancellationToken.None);
        Assert.True(settings.Enabled);
        Assert.Equal(["1"], await QueryAsync(directory.FilePath, "SELECT CAST(COUNT(*) AS TEXT) FROM scim_settings"));
    }

    [SqliteFact]
    public async Task Role_names_compare_case_sensitively_in_the_database()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var collation = await QueryAsync(directory.FilePath, "SELECT coll FROM pragma_index_xinfo('ux_roles_name') WHERE name = 'name'");

        Assert.Equal(["BINARY"], collation);
    }

    private static async Task ExecuteAsync(string path, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> QueryAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
