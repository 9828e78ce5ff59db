using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Credentials;
using Roster.Directory.Keys;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Credentials;

/// <summary>
/// The OAuth server's keys at rest and their rotation, on a real database with a fake clock:
/// stored only as envelopes of the key-encryption key; a rotated key is published before it signs;
/// the replaced key stays published until the last token it signed has expired, then goes.
/// </summary>
public sealed class ServerKeyRotationTests
{
    private static readonly TimeSpan Retention = TimeSpan.FromDays(14);
    private static readonly TimeSpan Propagation = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Keys_are_stored_only_encrypted_and_decrypt_with_the_same_key_encryption_key_only()
    {
        var kek = new FileKeyEncryptionKey(RandomNumberGenerator.GetBytes(32));
        await using var directory = await TestDirectory.CreateAsync(configure: s => s.AddSingleton<IKeyEncryptionKey>(kek));
        var ring = directory.Get<ServerKeys>().Load(Retention);
        var signing = ring.Signing(directory.Time.GetUtcNow());
        Assert.Equal("roster-signing-1", signing.KeyId);

        await using (var db = directory.Database.CreateContext(Guid.Empty))
        {
            foreach (var row in await db.ServerKeys.AsNoTracking().ToListAsync())
            {
                Assert.True(KeyEnvelope.IsEnvelope(row.Material), $"{row.KeyId} is stored in clear.");
                Assert.Equal(kek.Id, KeyEnvelope.KeyIdOf(row.Material));
                Assert.False(row.Material.AsSpan().IndexOf(ring.All.Single(k => k.KeyId == row.KeyId).Material) >= 0);
            }
        }

        // The same database read with another key-encryption key: no key, and an error that names the one needed.
        var other = new ServerKeys(directory.Database, directory.Time, new FileKeyEncryptionKey(RandomNumberGenerator.GetBytes(32)));
        var refused = Assert.Throws<KeyUnavailableException>(() => other.Load(Retention));
        Assert.Contains(kek.Id, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Roster:Keys:KeyFile", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_envelope_moved_to_another_row_does_not_decrypt()
    {
        var kek = new FileKeyEncryptionKey(RandomNumberGenerator.GetBytes(32));
        var envelope = kek.Wrap("secret"u8, "server_keys/roster-signing-1");
        Assert.Equal("secret"u8.ToArray(), kek.Unwrap(envelope, "server_keys/roster-signing-1"));
        Assert.Throws<KeyUnavailableException>(() => kek.Unwrap(envelope, "server_keys/roster-signing-2"));
        envelope[^1] ^= 1;
        Assert.Throws<KeyUnavailableException>(() => kek.Unwrap(envelope, "server_keys/roster-signing-1"));
    }

    [Fact]
    public async Task A_rotated_key_is_published_before_it_signs_and_the_old_one_until_its_tokens_expire()
    {
        var kek = new FileKeyEncryptionKey(RandomNumberGenerator.GetBytes(32));
        await using var directory = await TestDirectory.CreateAsync(configure: s => s.AddSingleton<IKeyEncryptionKey>(kek));
        var keys = directory.Get<ServerKeys>();
        keys.Load(Retention);

        var rotated = await keys.RotateSigningKeyAsync(Propagation, Retention, CancellationToken.None);
        Assert.Equal("roster-signing-2", rotated.KeyId);

        // Before it is active: the old key signs, both are published.
        var ring = keys.Load(Retention);
        var now = directory.Time.GetUtcNow();
        Assert.Equal("roster-signing-1", ring.Signing(now).KeyId);
        Assert.Equal(new[] { "roster-signing-1", "roster-signing-2" }, ring.PublishedSigningKeys(now).Select(k => k.KeyId));

        // Active: the new key signs (and comes first), the old one is still published for its tokens.
        directory.Time.Advance(Propagation);
        now = directory.Time.GetUtcNow();
        Assert.Equal("roster-signing-2", ring.Signing(now).KeyId);
        Assert.Equal(new[] { "roster-signing-2", "roster-signing-1" }, ring.PublishedSigningKeys(now).Select(k => k.KeyId));

        // The last token the old key signed expires at the retention's end; until then it stays.
        directory.Time.Advance(Retention - TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { "roster-signing-2", "roster-signing-1" }, ring.PublishedSigningKeys(directory.Time.GetUtcNow()).Select(k => k.KeyId));
        directory.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { "roster-signing-2" }, ring.PublishedSigningKeys(directory.Time.GetUtcNow()).Select(k => k.KeyId));

        // The next rotation deletes what nothing needs any more.
        var third = await keys.RotateSigningKeyAsync(Propagation, Retention, CancellationToken.None);
        Assert.Equal("roster-signing-3", third.KeyId);
        await using var db = directory.Database.CreateContext(Guid.Empty);
        Assert.Equal(
            new[] { "roster-encryption-1", "roster-signing-2", "roster-signing-3" },
            (await db.ServerKeys.AsNoTracking().Select(k => k.KeyId).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_key_an_earlier_version_stored_in_clear_is_encrypted_in_place_under_its_id()
    {
        var kek = new FileKeyEncryptionKey(RandomNumberGenerator.GetBytes(32));
        await using var directory = await TestDirectory.CreateAsync(configure: s => s.AddSingleton<IKeyEncryptionKey>(kek));
        using var rsa = RSA.Create(2048);
        var clear = rsa.ExportPkcs8PrivateKey();
        await using (var db = directory.Database.CreateContext(Guid.Empty))
        {
            db.ServerKeys.Add(new ServerKeyRecord { KeyId = "roster-signing-1", Purpose = ServerKeys.SigningPurpose, Material = clear, Created = TestDirectory.Start, ActiveFrom = TestDirectory.Start });
            await db.SaveChangesAsync();
        }

        var ring = directory.Get<ServerKeys>().Load(Retention);

        Assert.Equal(clear, ring.Signing(directory.Time.GetUtcNow()).Material);
        await using (var db = directory.Database.CreateContext(Guid.Empty))
        {
            var stored = await db.ServerKeys.AsNoTracking().SingleAsync(k => k.KeyId == "roster-signing-1");
            Assert.True(KeyEnvelope.IsEnvelope(stored.Material));
            Assert.Equal(clear, kek.Unwrap(stored.Material, "server_keys/roster-signing-1"));
        }
    }
}
