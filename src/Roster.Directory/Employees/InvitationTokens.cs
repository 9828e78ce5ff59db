using System.Security.Cryptography;
using System.Text;

namespace Roster.Directory.Employees;

/// <summary>
/// Activation tokens: the tenant's org ID (not secret; it keeps the look-up inside the tenant,
/// ARCHITECTURE decision 4) and 256 random bits, URL-safe. Only the SHA-256 of the whole token
/// is stored (decision 7).
/// </summary>
internal static class InvitationTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string New(Guid tenantId) =>
        $"{tenantId:N}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The tenant a presented token names, or null when it is not a token at all.</summary>
    public static Guid? TenantOf(string? token)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot == 32 && Guid.TryParseExact(token.AsSpan(0, dot), "N", out var tenant) ? tenant : null;
    }

    /// <summary>
    /// <paramref name="activationUrlBase"/> with the token in its fragment (<c>#token=...</c>).
    /// A browser never sends the fragment, so the token stays out of every request line: out of
    /// Roster's request logs, a proxy's access log and the Referer of the page's requests. The
    /// page's script hands it to the form.
    /// </summary>
    public static string Link(string activationUrlBase, string token) =>
        $"{activationUrlBase}#token={Uri.EscapeDataString(token)}";
}
