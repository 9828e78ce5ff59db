using System.Security.Cryptography;
using System.Text;

namespace Roster.Directory.SecondFactors;

/// <summary>
/// Recovery codes: ten per enrolment, each 60 random bits written as twelve base32 letters and
/// digits in three groups (<c>abcd-efgh-ijkm</c>), good once. Only their SHA-256 is stored; a
/// presented one is compared with each of the person's in constant time.
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    internal static IReadOnlyList<string> New() =>
        [.. Enumerable.Range(0, Count).Select(_ => RandomNumberGenerator.GetString(Alphabet, 12)).Select(c => $"{c[..4]}-{c[4..8]}-{c[8..]}")];

    /// <summary>The hash of a code as typed: case, spaces and dashes do not matter.</summary>
    internal static byte[] Hash(string code) =>
        SHA256.HashData(Encoding.ASCII.GetBytes(new string([.. code.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)])));

    /// <summary>True when the text could be a recovery code rather than an app's six digits.</summary>
    internal static bool LooksLikeOne(string? code) => (code ?? "").Count(char.IsAsciiLetterOrDigit) == 12;
}
