using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Credentials;

/// <summary>
/// The OAuth server's keys, read from <c>server_keys</c> or made there on first use. Two nodes
/// starting at once may both make one; the unique purpose keeps the first, and the other reads it back.
/// </summary>
public sealed class ServerKeys(DirectoryDatabase database, TimeProvider time)
{
    public const string SigningPurpose = "oauth-signing-rsa";
    public const string EncryptionPurpose = "oauth-encryption-aes";

    /// <summary>The RSA key that signs access and identity tokens (published in the JWKS).</summary>
    public RSA SigningKey()
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Material(SigningPurpose, () =>
        {
            using var fresh = RSA.Create(2048);
            return fresh.ExportPkcs8PrivateKey();
        }), out _);
        return rsa;
    }

    /// <summary>The 256-bit key that encrypts authorization codes and refresh tokens.</summary>
    public byte[] EncryptionKey() => Material(EncryptionPurpose, () => RandomNumberGenerator.GetBytes(32));

    private byte[] Material(string purpose, Func<byte[]> make)
    {
        if (Read(purpose) is { } existing)
        {
            return existing;
        }

        try
        {
            using var gate = database.EnterWriteGateAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            using var db = database.CreateContext(Guid.Empty);
            db.ServerKeys.Add(new ServerKeyRecord { Purpose = purpose, Material = make(), Created = ScimDateTime.Truncate(time.GetUtcNow()) });
            db.SaveChanges();
        }
        catch (DbUpdateException e) when (e.InnerException is DbException)
        {
            // Another node made it first; its key is the one to use.
        }

        return Read(purpose) ?? throw new InvalidOperationException($"The OAuth server key '{purpose}' could not be stored.");
    }

    private byte[]? Read(string purpose)
    {
        using var db = database.CreateContext(Guid.Empty);
        return db.ServerKeys.AsNoTracking().Where(k => k.Purpose == purpose).Select(k => k.Material).FirstOrDefault();
    }
}
