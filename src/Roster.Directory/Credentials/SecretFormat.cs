using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace Roster.Directory.Credentials;

/// <summary>
/// The text of a Roster secret: a fixed prefix naming its kind (<c>roster_scim_</c>,
/// <c>roster_sk_</c>, <c>roster_cs_</c>), 40 random base62 characters (238 bits), then the
/// CRC-32 of those 40 characters in 6 base62 characters. The prefix lets secret scanners find
/// leaked secrets, the checksum lets them (and Roster) reject a mistyped or invented one
/// offline, without a database read (ARCHITECTURE decision 7).
/// </summary>
public sealed class SecretFormat
{
    public const int RandomLength = 40;
    public const int ChecksumLength = 6;
    private const string Base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public SecretFormat(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        Prefix = prefix;
    }

    public string Prefix { get; }

    public int Length => Prefix.Length + RandomLength + ChecksumLength;

    /// <summary>Random base62 text of <paramref name="length"/> characters, for identifiers that are not secret.</summary>
    public static string RandomText(int length) => RandomNumberGenerator.GetString(Base62, length);

    /// <summary>The SHA-256 of a secret's text: all that Roster stores of its own secrets.</summary>
    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>The last characters, shown in lists so that people can tell secrets apart.</summary>
    public static string Hint(string secret) => secret[^4..];

    public string Generate()
    {
        var random = RandomText(RandomLength);
        return Prefix + random + Checksum(random);
    }

    /// <summary>True when the text has the prefix, the length, only base62 characters and a matching checksum.</summary>
    public bool IsWellFormed(string? secret)
    {
        if (secret is null || secret.Length != Length || !secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var body = secret.AsSpan(Prefix.Length);
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
