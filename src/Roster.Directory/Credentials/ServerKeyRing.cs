namespace Roster.Directory.Credentials;

/// <summary>
/// The OAuth server's keys as loaded, and which of them count at a given moment. The signing key
/// is the newest one already active; a rotated key is published (JWKS, and so trusted by every
/// node) from the rotation on, before it signs; a replaced key stays published for
/// <see cref="Retention"/> after its successor took over, the longest life of a token it signed,
/// and then it is gone.
/// </summary>
public sealed class ServerKeyRing
{
    private readonly List<ServerKey> _signing;
    private readonly List<ServerKey> _encryption;

    public ServerKeyRing(IEnumerable<ServerKey> keys, TimeSpan retention)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var all = keys.OrderBy(k => k.ActiveFrom).ThenBy(k => k.KeyId.Length).ThenBy(k => k.KeyId, StringComparer.Ordinal).ToList();
        _signing = [.. all.Where(k => k.Purpose == ServerKeys.SigningPurpose)];
        _encryption = [.. all.Where(k => k.Purpose == ServerKeys.EncryptionPurpose)];
        Retention = retention;
    }

    public TimeSpan Retention { get; }

    public IReadOnlyList<ServerKey> All => [.. _signing, .. _encryption];

    /// <summary>The key that signs at <paramref name="now"/>: the newest one active then.</summary>
    public ServerKey Signing(DateTimeOffset now) => Current(_signing, now);

    /// <summary>The key that encrypts at <paramref name="now"/>.</summary>
    public ServerKey Encryption(DateTimeOffset now) => Current(_encryption, now);

    /// <summary>The signing keys published at <paramref name="now"/>: the one signing first, then those not yet active, then those retired less than <see cref="Retention"/> ago.</summary>
    public IReadOnlyList<ServerKey> PublishedSigningKeys(DateTimeOffset now) => Published(_signing, now);

    /// <summary>The encryption keys that still decrypt at <paramref name="now"/>, the one encrypting first.</summary>
    public IReadOnlyList<ServerKey> DecryptingEncryptionKeys(DateTimeOffset now) => Published(_encryption, now);

    /// <summary>Signing keys whose tokens have all expired at <paramref name="now"/>: nothing needs them any more.</summary>
    public IReadOnlyList<ServerKey> Expired(DateTimeOffset now) =>
        [.. _signing.Where((k, i) => i + 1 < _signing.Count && _signing[i + 1].ActiveFrom <= now && _signing[i + 1].ActiveFrom + Retention <= now)];

    /// <summary>What decides the OAuth server's keys at <paramref name="now"/>; it changes when a key starts signing, is added or drops out.</summary>
    public string Fingerprint(DateTimeOffset now) =>
        string.Join(' ', PublishedSigningKeys(now).Select(k => k.KeyId)) + " | " + string.Join(' ', DecryptingEncryptionKeys(now).Select(k => k.KeyId));

    private static ServerKey Current(List<ServerKey> keys, DateTimeOffset now) =>
        keys.LastOrDefault(k => k.ActiveFrom <= now) ?? keys.FirstOrDefault()
        ?? throw new InvalidOperationException("The key ring has no key of that purpose.");

    private List<ServerKey> Published(List<ServerKey> keys, DateTimeOffset now)
    {
        var current = Current(keys, now);
        var index = keys.IndexOf(current);
        var pending = keys.Skip(index + 1);
        var retired = keys.Take(index).Where((k, i) => keys[i + 1].ActiveFrom + Retention > now).Reverse();
        return [current, .. pending, .. retired];
    }
}
