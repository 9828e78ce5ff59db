using Roster.Directory.Filtering;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Database;

/// <summary>PostgreSQL's counterparts of the schema checks of <see cref="MigrationTests"/>.</summary>
public sealed class PostgresSchemaTests
{
    [PostgresFact]
    public async Task Migrating_an_empty_database_creates_every_table_and_leaves_nothing_pending()
    {
        await using var directory = await TestDirectory.CreateAsync(migrate: false);

        await directory.Database.MigrateAsync(CancellationToken.None);

        Assert.Empty(await directory.Database.PendingMigrationsAsync(CancellationToken.None));
        var tables = await directory.QuerySqlAsync("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Subset(tables.ToHashSet(), new HashSet<string?>
        {
            "tenants", "scim_tokens", "users", "user_emails", "groups", "group_members", "roles", "scim_settings", "audit_events", "verified_domains", "bad_token_calls",
        });
    }

    [PostgresFact]
    public async Task Resource_documents_are_jsonb_and_keys_uuid()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var types = await directory.QuerySqlAsync(
            "SELECT table_name || '.' || column_name || ':' || data_type FROM information_schema.columns " +
            "WHERE table_name IN ('users', 'groups') AND column_name IN ('document', 'id', 'tenant_id', 'created') ORDER BY 1");

        Assert.Equal(
        [
            "groups.created:timestamp with time zone", "groups.document:jsonb", "groups.id:uuid", "groups.tenant_id:uuid",
            "users.created:timestamp with time zone", "users.document:jsonb", "users.id:uuid", "users.tenant_id:uuid",
        ], types);
    }

    /// <summary>
    /// Decision 4, and what sharding by tenant needs (docs/operations.md): the tables of a tenant's
    /// data lead every index with tenant_id. The global tables (the tenants themselves, the server's
    /// keys, OpenIddict's stores) have none, and three credential look-ups come before the tenant is known.
    /// </summary>
    [PostgresFact]
    public async Task Every_index_of_a_tenants_tables_starts_with_tenant_id_except_the_three_credential_lookups()
    {
        await using var directory = await TestDirectory.CreateAsync();
        string[] globalTables = ["tenants", "server_keys", "data_protection_keys", "oauth_applications", "oauth_authorizations", "oauth_scopes", "oauth_tokens", "operator_keys", "operator_events", "__EFMigrationsHistory"];
        string[] credentialLookups = ["scim_tokens:ux_scim_tokens_hash:hash", "access_keys:ux_access_keys_key_id:key_id", "app_registrations:ux_app_registrations_client_id:client_id"];

        var firstColumns = await directory.QuerySqlAsync(
            "SELECT t.relname || ':' || i.relname || ':' || a.attname FROM pg_index AS x " +
            "JOIN pg_class AS i ON i.oid = x.indexrelid JOIN pg_class AS t ON t.oid = x.indrelid " +
            "JOIN pg_namespace AS n ON n.oid = t.relnamespace JOIN pg_attribute AS a ON a.attrelid = t.oid AND a.attnum = x.indkey[0] " +
            $"WHERE n.nspname = 'public' AND t.relname NOT IN ({string.Join(", ", globalTables.Select(t => $"'{t}'"))})");

        Assert.NotEmpty(firstColumns);
        Assert.All(credentialLookups, lookup => Assert.Contains(lookup, firstColumns));
        Assert.All(firstColumns.Except(credentialLookups), c => Assert.EndsWith(":tenant_id", c, StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task Text_compares_by_code_point_whatever_the_database_locale()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var collations = await directory.QuerySqlAsync(
            "SELECT DISTINCT COALESCE(collation_name, 'default') FROM information_schema.columns " +
            "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying') AND table_name <> '__EFMigrationsHistory'");

        Assert.Equal(["C"], collations);
    }

    [PostgresFact]
    public async Task The_fold_function_agrees_with_dotnet_invariant_upper_case()
    {
        await using var directory = await TestDirectory.CreateAsync();
        string[] samples = ["bjensen", "Émile Zoé", "straße", "ǆemal", "ſtraße", "ıi", "ﬃ", "𐐨𐐩", "Ωmega ω", ""];

        foreach (var sample in samples)
        {
            var folded = Assert.Single(await directory.QuerySqlAsync($"SELECT roster_fold('{sample}')"));
            Assert.Equal(CaseFolding.Fold(sample), folded);
        }
    }
}
