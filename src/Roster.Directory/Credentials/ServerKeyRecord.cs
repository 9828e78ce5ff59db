namespace Roster.Directory.Credentials;

/// <summary>
/// A row of <c>server_keys</c>: a key of Roster's OAuth server (token signing, token
/// encryption), made by the first node that needs it and shared by every node, so tokens one
/// node issues are accepted by all and survive restarts (ARCHITECTURE decision 6).
/// </summary>
public sealed class ServerKeyRecord
{
    public required string Purpose { get; set; }

    /// <summary>The key material: PKCS#8 for an RSA key, raw bytes for a symmetric one.</summary>
    public required byte[] Material { get; set; }

    public DateTimeOffset Created { get; set; }
}
