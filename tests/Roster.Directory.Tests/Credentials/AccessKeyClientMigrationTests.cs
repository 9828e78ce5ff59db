using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Credentials;

public sealed class AccessKeyClientMigrationTests
{
    [SqliteFact]
    public async Task Redirect_uris_written_to_access_keys_clients_by_earlier_versions_are_removed_and_apps_keep_theirs()
    {
        await using var directory = await TestDirectory.CreateAsync(migrate: false);
        await using (var context = directory.Database.CreateContext(Guid.Empty))
        {
            await context.GetService<IMigrator>().MigrateAsync("ScimCallErrors");
        }

        const string keyUris = "[\"https://a.okta.com/admin/app/x/y/oauth/callback\",\"https://b.okta.com/admin/app/x/y/oauth/callback\"]";
        const string appUris = "[\"https://system-admin.okta.com/admin/app/cpc/roster/oauth/callback\"]";
        await using (var connection = new SqliteConnection($"Data Source={directory.FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText =
                "INSERT INTO oauth_applications (id, client_id, redirect_uris) VALUES " +
                "('1', 'RAK0123456789ABCDEFGHIJ', $key), ('2', 'roster_app_0123456789abcdefghijklmn', $app), ('3', 'RAK9876543210ZYXWVUTSRQ', NULL);";
            command.Parameters.AddWithValue("$key", keyUris);
            command.Parameters.AddWithValue("$app", appUris);
            await command.ExecuteNonQueryAsync();
        }

        await directory.Database.MigrateAsync(CancellationToken.None);

        var stored = new Dictionary<string, string?>();
        await using (var connection = new SqliteConnection($"Data Source={directory.FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT client_id, redirect_uris FROM oauth_applications";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        Assert.Null(stored["RAK0123456789ABCDEFGHIJ"]);
        Assert.Null(stored["RAK9876543210ZYXWVUTSRQ"]);
        Assert.Equal(appUris, stored["roster_app_0123456789abcdefghijklmn"]);
    }
}
