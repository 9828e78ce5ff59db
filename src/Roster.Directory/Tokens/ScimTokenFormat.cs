using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace Roster.Directory.Tokens;

/// <summary>
/// The text of a SCIM token: <c>roster_scim_</c>, 40 random base62 characters (238 bits), then
/// the CRC-32 of those 40 characters in 6 base62 characters. The prefix lets secret scanners
/// find leaked tokens, the checksum lets them (and Roster) reject a mistyped or invented token
/// offline, without a database read (ARCHITECTURE decision 7).
/// </summary>
internal static class ScimTokenFormat
{
    public const string Prefix = "roster_scim_";
    public const int RandomLength = 40;
    public const int ChecksumLength = 6;
    public const int Length = 58;
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Generate()
    {
        var random = RandomNumberGenerator.GetString(Base62, RandomLength);
        return Prefix + random + Checksum(random);
    }

    /// <summary>True when the text has the prefix, the length, only base62 characters and a matching checksum.</summary>
    public static bool IsWellFormed(string? token)
    {
        if (token is not { Length: Length } || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var body = token.AsSpan(Prefix.Length);
        foreach (var c in body)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        var random = body[..RandomLength].ToString();
        return body[RandomLength..].SequenceEqual(Checksum(random));
    }

    /// <summary>The SHA-256 of the token's text: all that is stored.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The last characters, shown in lists so that people can tell tokens apart.</summary>
    public static string Hint(string token) => token[^4..];

    private static string Checksum(string random)
    {
        var crc = Crc32.HashToUInt32(Encoding.ASCII.GetBytes(random));
        Span<char> digits = stackalloc char[ChecksumLength];
        for (var i = ChecksumLength - 1; i >= 0; i--)
        {
            digits[i] = Base62[(int)(crc % 62)];
            crc /= 62;
        }

        return new string(digits);
    }
}
