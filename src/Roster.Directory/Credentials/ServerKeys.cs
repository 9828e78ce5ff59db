using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Keys;
using Roster.Directory.Resources;

namespace Roster.Directory.Credentials;

/// <summary>
/// The OAuth server's keys in <c>server_keys</c>, encrypted with the key-encryption key
/// (<see cref="IKeyEncryptionKey"/>): read and decrypted, made on first use, rotated. Two nodes
/// starting at once may both make the first key; its fixed id keeps the first, and the other
/// reads it back. A key stored in clear by an earlier version is encrypted in place when read.
/// </summary>
public sealed class ServerKeys(DirectoryDatabase database, TimeProvider time, IKeyEncryptionKey kek)
{
    public const string SigningPurpose = "oauth-signing-rsa";
    public const string EncryptionPurpose = "oauth-encryption-aes";

    private const string SigningPrefix = "roster-signing-";
    private const string EncryptionPrefix = "roster-encryption-";

    /// <summary>The key-encryption key's id, as envelopes name it.</summary>
    public string KeyEncryptionKeyId => kek.Id;

    /// <summary>Reads and decrypts every key, making the first signing and encryption keys when there are none.</summary>
    /// <exception cref="KeyUnavailableException">A key does not decrypt with the configured key-encryption key.</exception>
    public ServerKeyRing Load(TimeSpan retention)
    {
        var rows = Read();
        if (!rows.Any(r => r.Purpose == SigningPurpose))
        {
            TryAdd(SigningPrefix + "1", SigningPurpose, NewRsaKey());
        }

        if (!rows.Any(r => r.Purpose == EncryptionPurpose))
        {
            TryAdd(EncryptionPrefix + "1", EncryptionPurpose, RandomNumberGenerator.GetBytes(32));
        }

        rows = Read();
        EncryptInClear(rows);
        return new ServerKeyRing(rows.Select(r => new ServerKey(r.KeyId, r.Purpose, r.Created, r.ActiveFrom, kek.Unwrap(r.Material, Context(r.KeyId)))), retention);
    }

    /// <summary>
    /// Adds a new signing key that starts signing <paramref name="activateIn"/> from now (every node
    /// picks it up, and publishes it, before then), and deletes the signing keys whose tokens have
    /// all expired. Returns the new key's id.
    /// </summary>
    public async Task<ServerKey> RotateSigningKeyAsync(TimeSpan activateIn, TimeSpan retention, CancellationToken cancellationToken)
    {
        var ring = Load(retention);
        var now = time.GetUtcNow();
        var next = ring.All.Where(k => k.Purpose == SigningPurpose)
            .Select(k => k.KeyId.StartsWith(SigningPrefix, StringComparison.Ordinal) && int.TryParse(k.KeyId.AsSpan(SigningPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max() + 1;
        var keyId = SigningPrefix + next.ToString(CultureInfo.InvariantCulture);
        var material = NewRsaKey();
        using (await database.EnterWriteGateAsync(cancellationToken))
        {
            await using var db = database.CreateContext(Guid.Empty);
            db.ServerKeys.Add(Record(keyId, SigningPurpose, material, ScimDateTime.Truncate(now + activateIn)));
            var expired = ring.Expired(now).Select(k => k.KeyId).ToList();
            await db.ServerKeys.Where(k => expired.Contains(k.KeyId)).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ServerKey(keyId, SigningPurpose, ScimDateTime.Truncate(now), ScimDateTime.Truncate(now + activateIn), material);
    }

    /// <summary>Whether the database holds any key encrypted by a key-encryption key (so a new one must not be made up).</summary>
    public bool HoldsEncryptedKeys() => HoldsEncryptedKeys(database);

    /// <summary>Whether <paramref name="database"/> holds any key encrypted by a key-encryption key; needs no key.</summary>
    public static bool HoldsEncryptedKeys(DirectoryDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var db = database.CreateContext(Guid.Empty);
        return db.ServerKeys.AsNoTracking().Select(k => k.Material).AsEnumerable().Any(m => KeyEnvelope.IsEnvelope(m));
    }

    private static string Context(string keyId) => "server_keys/" + keyId;

    private static byte[] NewRsaKey()
    {
        using var fresh = RSA.Create(2048);
        return fresh.ExportPkcs8PrivateKey();
    }

    private ServerKeyRecord Record(string keyId, string purpose, byte[] material, DateTimeOffset activeFrom) => new()
    {
        KeyId = keyId,
        Purpose = purpose,
        Material = kek.Wrap(material, Context(keyId)),
        Created = ScimDateTime.Truncate(time.GetUtcNow()),
        ActiveFrom = activeFrom,
    };

    private void TryAdd(string keyId, string purpose, byte[] material)
    {
        try
        {
            using var gate = database.EnterWriteGateAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            using var db = database.CreateContext(Guid.Empty);
            db.ServerKeys.Add(Record(keyId, purpose, material, ScimDateTime.Truncate(time.GetUtcNow())));
            db.SaveChanges();
        }
        catch (DbUpdateException e) when (e.InnerException is DbException)
        {
            // Another node made it first; its key is the one to use.
        }
    }

    /// <summary>Keys an earlier version stored in clear: encrypted in place, under their own ids.</summary>
    private void EncryptInClear(List<ServerKeyRecord> rows)
    {
        var clear = rows.Where(r => !KeyEnvelope.IsEnvelope(r.Material)).ToList();
        if (clear.Count == 0)
        {
            return;
        }

        using var gate = database.EnterWriteGateAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        using var db = database.CreateContext(Guid.Empty);
        foreach (var row in clear)
        {
            row.Material = kek.Wrap(row.Material, Context(row.KeyId));
            db.ServerKeys.Where(k => k.KeyId == row.KeyId).ExecuteUpdate(set => set.SetProperty(k => k.Material, row.Material));
        }
    }

    private List<ServerKeyRecord> Read()
    {
        using var db = database.CreateContext(Guid.Empty);
        return [.. db.ServerKeys.AsNoTracking()];
    }
}
