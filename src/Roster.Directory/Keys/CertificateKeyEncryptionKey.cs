using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Roster.Directory.Keys;

/// <summary>
/// A key-encryption key held by an X.509 certificate with an RSA key (a PEM or PKCS#12 file,
/// perhaps from an organization's PKI or an HSM-backed store). Each envelope has a fresh
/// 256-bit content key, encrypted with RSA-OAEP-SHA256 under the certificate's public key;
/// the payload is AES-256-GCM under the content key. Unwrapping needs the private key.
/// </summary>
public sealed class CertificateKeyEncryptionKey : IKeyEncryptionKey, IDisposable
{
    private readonly X509Certificate2 _certificate;
    private readonly RSA _public;

    public CertificateKeyEncryptionKey(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        _certificate = certificate;
        _public = certificate.GetRSAPublicKey() ?? throw new ArgumentException("The key-encryption certificate must have an RSA key.", nameof(certificate));
        Id = "cert:" + Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256))[..16];
    }

    public string Id { get; }

    public byte[] Wrap(ReadOnlySpan<byte> plaintext, string context)
    {
        var header = KeyEnvelope.Write(Id, []);
        var contentKey = RandomNumberGenerator.GetBytes(32);
        var wrapped = _public.Encrypt(contentKey, RSAEncryptionPadding.OaepSHA256);
        var sealedBytes = KeyEnvelope.Seal(contentKey, plaintext, KeyEnvelope.AssociatedData(header, context));
        var payload = new byte[2 + wrapped.Length + sealedBytes.Length];
        BinaryPrimitives.WriteUInt16BigEndian(payload, checked((ushort)wrapped.Length));
        wrapped.CopyTo(payload, 2);
        sealedBytes.CopyTo(payload, 2 + wrapped.Length);
        return KeyEnvelope.Write(Id, payload);
    }

    public byte[] Unwrap(ReadOnlySpan<byte> envelope, string context)
    {
        var (keyId, header, payload) = KeyEnvelope.Read(envelope);
        if (keyId != Id)
        {
            throw KeyEnvelope.WrongKey(keyId, Id, context);
        }

        using var rsa = _certificate.GetRSAPrivateKey()
            ?? throw new KeyUnavailableException($"The key-encryption certificate {Id} has no private key here: Roster can encrypt keys with it but not read them.");
        var length = payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) : int.MaxValue;
        byte[] contentKey;
        try
        {
            contentKey = rsa.Decrypt(payload.AsSpan(2, Math.Min(length, payload.Length - 2)), RSAEncryptionPadding.OaepSHA256);
        }
        catch (CryptographicException e)
        {
            throw new KeyUnavailableException($"The stored key '{context}' does not decrypt with key-encryption certificate {Id}.", e);
        }

        return KeyEnvelope.Open(contentKey, payload.AsSpan(2 + length), KeyEnvelope.AssociatedData(header, context))
            ?? throw new KeyUnavailableException($"The stored key '{context}' does not decrypt with key-encryption certificate {Id}: it was altered or belongs to another row.");
    }

    public void Dispose()
    {
        _public.Dispose();
        _certificate.Dispose();
    }
}
