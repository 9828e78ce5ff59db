using System.Net;
using Microsoft.Data.Sqlite;
using Roster.Directory.Keys;
using Roster.Directory.Tests.Support;
using Roster.Server.Tests.Cli;
using Roster.Server.Tests.Nodes;

namespace Roster.Server.Tests.Keys;

/// <summary>
/// A copy of a SQLite database without its key-encryption key yields no usable key: the OAuth keys
/// are envelopes and the data-protection keys hold no secret in clear, and <c>roster serve</c> on
/// the copy refuses to start (naming the key it needs) rather than make new keys. With the right key
/// file the copy serves, tokens included.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KeysAtRestTests
{
    [SqliteFact]
    public async Task A_database_copied_without_its_key_encryption_key_yields_no_usable_key()
    {
        var original = System.IO.Directory.CreateTempSubdirectory("roster-keys-");
        var copy = System.IO.Directory.CreateTempSubdirectory("roster-keys-copy-");
        try
        {
            string orgId, token;
            await using (var node = await RosterNode.StartAsync("original", Environment(original.FullName)))
            {
                orgId = node.BannerValue("Tenant:").Split("org ID ")[1].TrimEnd(')');
                token = node.BannerValue("SCIM token:");
                using var probe = node.CreateClient(null);
                Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode);
                Assert.Equal(0, await node.TerminateAsync(TimeSpan.FromMinutes(1)));
            }

            var keyFile = Path.Combine(original.FullName, "roster.key");
            Assert.True(File.Exists(keyFile), "The first start made no key file beside the database.");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            foreach (var file in original.GetFiles("roster.db*"))
            {
                file.CopyTo(Path.Combine(copy.FullName, file.Name));
            }

            // What the copy holds: envelopes and encrypted secrets, nothing in clear.
            var stored = await StoredKeysAsync(Path.Combine(copy.FullName, "roster.db"));
            Assert.Equal(2, stored.ServerKeys.Count);
            Assert.All(stored.ServerKeys, m => Assert.True(KeyEnvelope.IsEnvelope(m)));
            Assert.NotEmpty(stored.DataProtectionKeys);
            Assert.All(stored.DataProtectionKeys, xml =>
            {
                Assert.Contains("rosterEncryptedKey", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });

            // Served without the key file: refused, no key file or key made.
            var missing = await RosterProcess.RunAsync(Environment(copy.FullName), "serve", "--urls", "http://127.0.0.1:0");
            Assert.Equal(2, missing.ExitCode);
            Assert.Contains(Path.Combine(copy.FullName, "roster.key"), missing.Error, StringComparison.Ordinal);
            Assert.Contains("Roster:Keys:KeyFile", missing.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(copy.FullName, "roster.key")));

            // With another key file: refused, naming the key that encrypted them.
            var otherKey = Path.Combine(copy.FullName, "other.key");
            await File.WriteAllTextAsync(otherKey, FileKeyEncryptionKey.NewKeyFileText());
            var wrong = await RosterProcess.RunAsync(
                new Dictionary<string, string>(Environment(copy.FullName)) { ["Roster__Keys__KeyFile"] = otherKey }, "serve", "--urls", "http://127.0.0.1:0");
            Assert.Equal(2, wrong.ExitCode);
            Assert.Contains(KeyEnvelope.KeyIdOf(stored.ServerKeys[0]), wrong.Error, StringComparison.Ordinal);
            Assert.Equal(stored.ServerKeys, (await StoredKeysAsync(Path.Combine(copy.FullName, "roster.db"))).ServerKeys);

            // With the key file that belongs to it, the copy serves and its token works.
            File.Copy(keyFile, Path.Combine(copy.FullName, "roster.key"));
            await using var restored = await RosterNode.StartAsync("copy with its key", Environment(copy.FullName));
            using var scim = restored.CreateClient(token, $"scim/v2/{orgId}/");
            Assert.Equal(HttpStatusCode.OK, (await scim.GetAsync("Users")).StatusCode);
            using var ready = restored.CreateClient(null);
            Assert.Equal(HttpStatusCode.OK, (await ready.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            original.Delete(recursive: true);
            copy.Delete(recursive: true);
        }
    }

    [SqliteFact]
    public async Task A_certificate_can_be_the_key_encryption_key_and_then_a_key_file_is_refused()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("roster-keys-cert-");
        try
        {
            using var rsa = System.Security.Cryptography.RSA.Create(3072);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=Roster key encryption", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pem = Path.Combine(folder.FullName, "kek.pem");
            await File.WriteAllTextAsync(pem, certificate.ExportCertificatePem() + "\n" + rsa.ExportPkcs8PrivateKeyPem());
            var kekId = "cert:" + Convert.ToHexStringLower(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256))[..16];
            var withCertificate = new Dictionary<string, string>(Environment(folder.FullName)) { ["Roster__Keys__Certificate__Path"] = pem };

            var listed = await RosterProcess.RunAsync(withCertificate, "keys", "list");
            Assert.True(listed.ExitCode == 0, listed.Error);
            Assert.Contains(kekId, listed.Output, StringComparison.Ordinal);
            Assert.Contains("roster-signing-1", listed.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "roster.key")));

            var withKeyFile = await RosterProcess.RunAsync(Environment(folder.FullName), "keys", "list");
            Assert.Equal(2, withKeyFile.ExitCode);
            Assert.Contains("Roster:Keys:Certificate:Path", withKeyFile.Error, StringComparison.Ordinal);

            var both = await RosterProcess.RunAsync(
                new Dictionary<string, string>(withCertificate) { ["Roster__Keys__KeyFile"] = Path.Combine(folder.FullName, "roster.key") }, "keys", "list");
            Assert.Equal(2, both.ExitCode);
            Assert.Contains("not both", both.Error, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Environment(string folder) => new()
    {
        ["Storage__Provider"] = "sqlite",
        ["Storage__ConnectionString"] = Path.Combine(folder, "roster.db"),
        ["Roster__Mail__PickupFolder"] = Path.Combine(folder, "mail"),
    };

    private static async Task<(List<byte[]> ServerKeys, List<string> DataProtectionKeys)> StoredKeysAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        var serverKeys = new List<byte[]>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT material FROM server_keys ORDER BY key_id";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                serverKeys.Add((byte[])reader[0]);
            }
        }

        var dataProtection = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT xml FROM data_protection_keys";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dataProtection.Add(reader.GetString(0));
            }
        }

        return (serverKeys, dataProtection);
    }
}
