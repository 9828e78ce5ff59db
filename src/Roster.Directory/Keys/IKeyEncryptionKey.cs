namespace Roster.Directory.Keys;

/// <summary>
/// The key-encryption key: what Roster's keys at rest (the OAuth server's signing and encryption
/// keys, the data-protection keys) are encrypted with before they reach the database. It lives
/// outside the database (a key file or an X.509 certificate), so a copy of the database alone
/// holds no usable key.
/// </summary>
public interface IKeyEncryptionKey
{
    /// <summary>
    /// Names this key without revealing it (<c>file:</c> or <c>cert:</c> and a fingerprint); written
    /// into every envelope, so a node holding another key can say which one it needs.
    /// </summary>
    string Id { get; }

    /// <summary>Encrypts <paramref name="plaintext"/> bound to <paramref name="context"/> (what it is, e.g. the row it goes to) into an envelope.</summary>
    byte[] Wrap(ReadOnlySpan<byte> plaintext, string context);

    /// <summary>
    /// Decrypts an envelope this key made for the same <paramref name="context"/>; throws
    /// <see cref="KeyUnavailableException"/> when it was made with another key or altered.
    /// </summary>
    byte[] Unwrap(ReadOnlySpan<byte> envelope, string context);
}
