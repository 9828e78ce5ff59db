using Roster.Directory.Credentials;

namespace Roster.Directory.AccessKeys;

/// <summary>
/// Access key IDs are <c>RAK</c> and 20 upper-case letters and digits (public, like a user
/// name); secret access keys are <see cref="SecretFormat"/> text with the <c>roster_sk_</c>
/// prefix, so scanners recognise a leaked one.
/// </summary>
public static class AccessKeyFormat
{
    public const string KeyIdPrefix = "RAK";
    public const int KeyIdLength = 23;

    public static readonly SecretFormat Secret = new("roster_sk_");

    public static string NewKeyId() => KeyIdPrefix + SecretFormat.RandomText(KeyIdLength - KeyIdPrefix.Length).ToUpperInvariant();

    public static bool LooksLikeKeyId(string? clientId) =>
        clientId is { Length: KeyIdLength } && clientId.StartsWith(KeyIdPrefix, StringComparison.Ordinal);
}
