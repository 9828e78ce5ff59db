using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Roster.Directory.Keys;

/// <summary>
/// The stored form of an encrypted key: <c>RKEK</c>, a version byte, the key-encryption key's id
/// (length-prefixed UTF-8), then the key-encryption key's own payload. The header lets a reader
/// tell an envelope from a key stored in clear by an earlier version, and say which
/// key-encryption key it needs. The payload's cipher is AES-256-GCM with the context (and the
/// header) as associated data, so an envelope moved to another row does not decrypt.
/// </summary>
public static class KeyEnvelope
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Magic = "RKEK"u8.ToArray();

    public static bool IsEnvelope(ReadOnlySpan<byte> stored) =>
        stored.Length > Magic.Length + 2 && stored[..Magic.Length].SequenceEqual(Magic) && stored[Magic.Length] == Version;

    /// <summary>The id of the key-encryption key that made <paramref name="envelope"/>.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> envelope) => Read(envelope).KeyId;

    /// <summary>Writes the header for <paramref name="keyId"/> followed by <paramref name="payload"/>.</summary>
    public static byte[] Write(string keyId, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var id = Encoding.UTF8.GetBytes(keyId);
        var envelope = new byte[Magic.Length + 2 + id.Length + payload.Length];
        Magic.CopyTo(envelope, 0);
        envelope[Magic.Length] = Version;
        envelope[Magic.Length + 1] = checked((byte)id.Length);
        id.CopyTo(envelope, Magic.Length + 2);
        payload.CopyTo(envelope.AsSpan(Magic.Length + 2 + id.Length));
        return envelope;
    }

    /// <summary>The key id and the payload of an envelope; throws <see cref="KeyUnavailableException"/> for anything else.</summary>
    public static (string KeyId, byte[] Header, byte[] Payload) Read(ReadOnlySpan<byte> envelope)
    {
        if (!IsEnvelope(envelope) || envelope.Length < Magic.Length + 2 + envelope[Magic.Length + 1])
        {
            throw new KeyUnavailableException("A stored key is not in Roster's encrypted form; the database is damaged or was not written by Roster.");
        }

        var headerLength = Magic.Length + 2 + envelope[Magic.Length + 1];
        return (Encoding.UTF8.GetString(envelope[(Magic.Length + 2)..headerLength]), envelope[..headerLength].ToArray(), envelope[headerLength..].ToArray());
    }

    /// <summary>AES-256-GCM of <paramref name="plaintext"/>: nonce, tag, ciphertext.</summary>
    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), associatedData);
        return sealedBytes;
    }

    /// <summary>Opens what <see cref="Seal"/> made; null when the key, the data or the associated data differ.</summary>
    public static byte[]? Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes[..NonceSize], sealedBytes[(NonceSize + TagSize)..], sealedBytes.Slice(NonceSize, TagSize), plaintext, associatedData);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>The associated data of a payload: the envelope's header and what the key is for.</summary>
    public static byte[] AssociatedData(ReadOnlySpan<byte> header, string context)
    {
        var text = Encoding.UTF8.GetBytes(context);
        var data = new byte[header.Length + 4 + text.Length];
        header.CopyTo(data);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(header.Length), text.Length);
        text.CopyTo(data, header.Length + 4);
        return data;
    }

    /// <summary>The error for an envelope made with another key-encryption key.</summary>
    public static KeyUnavailableException WrongKey(string needed, string held, string context) => new(
        $"The stored key '{context}' is encrypted with key-encryption key {needed}, but the one configured is {held}. " +
        "Configure the key that encrypted the keys (Roster:Keys:KeyFile or Roster:Keys:Certificate:Path, the same on every node), " +
        "or restore the key file that belongs with this database.");
}
