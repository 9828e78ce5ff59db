using System.Security.Cryptography;
using OtpNet;

namespace Roster.Directory.SecondFactors;

/// <summary>
/// Time-based one-time passwords (RFC 6238) with Otp.NET: 160-bit secrets (RFC 4226's
/// recommendation), SHA-1, six digits, 30-second steps, as every authenticator app reads an
/// <c>otpauth://</c> URI without parameters. A code is accepted one step early or late (RFC 6238
/// §5.2's network delay), and never for a step at or before the last one accepted, so a code
/// seen over someone's shoulder cannot be used again.
/// </summary>
public static class TotpCodes
{
    public const int Digits = 6;

    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    internal static byte[] NewSecret() => RandomNumberGenerator.GetBytes(20);

    /// <summary>The secret as people and authenticator apps type it (RFC 4648 base32).</summary>
    public static string ToBase32(byte[] secret) => Base32Encoding.ToString(secret);

    /// <summary>The URI an authenticator app scans from the QR code (Google Authenticator's key URI format).</summary>
    public static string Uri(string issuer, string account, byte[] secret)
    {
        var label = System.Uri.EscapeDataString(issuer) + ":" + System.Uri.EscapeDataString(account);
        return $"otpauth://totp/{label}?secret={ToBase32(secret)}&issuer={System.Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={Digits}&period={(int)Step.TotalSeconds}";
    }

    /// <summary>The time step the code belongs to when it is right now and newer than <paramref name="lastStep"/>; null otherwise.</summary>
    internal static long? Verify(byte[] secret, string? code, DateTimeOffset now, long? lastStep)
    {
        var digits = new string((code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != Digits || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(secret, (int)Step.TotalSeconds, OtpHashMode.Sha1, Digits);
        if (!totp.VerifyTotp(now.UtcDateTime, digits, out var step, VerificationWindow.RfcSpecifiedNetworkDelay))
        {
            return null;
        }

        return lastStep is { } last && step <= last ? null : step;
    }
}
