using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Roster.Directory.Credentials;
using Roster.Directory.Keys;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Credentials;

/// <summary>An upgrade keeps the OAuth keys an earlier version made, under the ids its tokens carry, and encrypts them.</summary>
public sealed class ServerKeyMigrationTests
{
    [SqliteFact]
    public async Task Keys_of_an_earlier_version_keep_their_token_ids_and_are_encrypted_on_first_read()
    {
        var kek = new FileKeyEncryptionKey(RandomNumberGenerator.GetBytes(32));
        await using var directory = await TestDirectory.CreateAsync(migrate: false, configure: s => s.AddSingleton<IKeyEncryptionKey>(kek));
        await using (var context = directory.Database.CreateContext(Guid.Empty))
        {
            await context.GetService<IMigrator>().MigrateAsync("AccessKeyClientsWithoutRedirectUris");
        }

        using var rsa = RSA.Create(2048);
        var signing = rsa.ExportPkcs8PrivateKey();
        var encryption = RandomNumberGenerator.GetBytes(32);
        await using (var connection = new SqliteConnection($"Data Source={directory.FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO server_keys (purpose, material, created) VALUES " +
                "('oauth-signing-rsa', $signing, '2026-01-01T10:00:00.000Z'), ('oauth-encryption-aes', $encryption, '2026-01-01T10:00:00.000Z')";
            command.Parameters.AddWithValue("$signing", signing);
            command.Parameters.AddWithValue("$encryption", encryption);
            await command.ExecuteNonQueryAsync();
        }

        await directory.Database.MigrateAsync(CancellationToken.None);
        var ring = directory.Get<ServerKeys>().Load(TimeSpan.FromDays(14));

        var now = directory.Time.GetUtcNow();
        Assert.Equal("roster-signing-1", ring.Signing(now).KeyId);
        Assert.Equal(signing, ring.Signing(now).Material);
        Assert.Equal("roster-encryption-1", ring.Encryption(now).KeyId);
        Assert.Equal(encryption, ring.Encryption(now).Material);
        Assert.Equal(2, ring.All.Count);
        Assert.True(directory.Get<ServerKeys>().HoldsEncryptedKeys());
    }
}
