namespace Roster.Directory.Credentials;

/// <summary>
/// A row of <c>server_keys</c>: a key of Roster's OAuth server (token signing, token encryption),
/// made by the first node that needs it or by <c>roster keys rotate</c>, shared by every node, so
/// tokens one node issues are accepted by all and survive restarts (ARCHITECTURE decision 6).
/// </summary>
public sealed class ServerKeyRecord
{
    /// <summary>The key's id, the <c>kid</c> of the tokens it signs: <c>roster-signing-1</c>, <c>roster-signing-2</c>, ...</summary>
    public required string KeyId { get; set; }

    public required string Purpose { get; set; }

    /// <summary>
    /// The key material in an envelope of the key-encryption key (<see cref="Keys.KeyEnvelope"/>):
    /// PKCS#8 for an RSA key, raw bytes for a symmetric one. Earlier versions stored it in clear;
    /// the first start of this one encrypts it in place.
    /// </summary>
    public required byte[] Material { get; set; }

    public DateTimeOffset Created { get; set; }

    /// <summary>When the key starts signing; a rotated key is published in JWKS before that, so every node and resource server knows it first.</summary>
    public DateTimeOffset ActiveFrom { get; set; }
}
