using System.Security.Cryptography;

namespace Roster.Directory.Credentials;

/// <summary>One decrypted key of the OAuth server.</summary>
/// <param name="KeyId">The key's id (the tokens' <c>kid</c>).</param>
/// <param name="Purpose"><see cref="ServerKeys.SigningPurpose"/> or <see cref="ServerKeys.EncryptionPurpose"/>.</param>
/// <param name="Created">When it was made.</param>
/// <param name="ActiveFrom">When it starts signing (or encrypting).</param>
/// <param name="Material">PKCS#8 for an RSA key, the raw bytes of a symmetric one.</param>
public sealed record ServerKey(string KeyId, string Purpose, DateTimeOffset Created, DateTimeOffset ActiveFrom, byte[] Material)
{
    /// <summary>A new RSA object of this signing key; the caller owns it.</summary>
    public RSA CreateRsa()
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(Material, out _);
        return rsa;
    }
}
