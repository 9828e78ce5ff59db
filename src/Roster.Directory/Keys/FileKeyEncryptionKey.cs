using System.Security.Cryptography;

namespace Roster.Directory.Keys;

/// <summary>
/// A key-encryption key read from a file: 32 random bytes, written as base64 (what
/// <c>openssl rand -base64 32</c> prints). Envelopes are AES-256-GCM under it directly.
/// </summary>
public sealed class FileKeyEncryptionKey : IKeyEncryptionKey
{
    public const int KeySize = 32;

    private readonly byte[] _key;

    public FileKeyEncryptionKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"A key-encryption key is {KeySize} bytes; this one is {key.Length}.", nameof(key));
        }

        _key = key;
        Id = "file:" + Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    }

    public string Id { get; }

    /// <summary>A new random key as the text of a key file.</summary>
    public static string NewKeyFileText() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeySize)) + "\n";

    /// <summary>Reads a key file's text; null when it does not hold a base64 key of 32 bytes.</summary>
    public static FileKeyEncryptionKey? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new byte[KeySize + 3];
        return Convert.TryFromBase64String(text.Trim(), bytes, out var written) && written == KeySize ? new FileKeyEncryptionKey(bytes[..KeySize]) : null;
    }

    public byte[] Wrap(ReadOnlySpan<byte> plaintext, string context)
    {
        var header = KeyEnvelope.Write(Id, []);
        return KeyEnvelope.Write(Id, KeyEnvelope.Seal(_key, plaintext, KeyEnvelope.AssociatedData(header, context)));
    }

    public byte[] Unwrap(ReadOnlySpan<byte> envelope, string context)
    {
        var (keyId, header, payload) = KeyEnvelope.Read(envelope);
        if (keyId != Id)
        {
            throw KeyEnvelope.WrongKey(keyId, Id, context);
        }

        return KeyEnvelope.Open(_key, payload, KeyEnvelope.AssociatedData(header, context))
            ?? throw new KeyUnavailableException($"The stored key '{context}' does not decrypt with key-encryption key {Id}: it was altered or belongs to another row.");
    }
}
