using System.Security.Cryptography;
using System.Text;

namespace Roster.Directory.Onboarding;

/// <summary>
/// The token of a setup link: the tenant's org ID and the link's id (neither secret; they keep
/// the look-up on one row of one tenant, ARCHITECTURE decision 4) and 256 random bits, URL-safe:
/// <c>{orgId:N}.{linkId:N}.{secret}</c>. Only the SHA-256 of the secret is stored, and a presented
/// one is compared with it in constant time.
/// </summary>
public static class SetupLinkTokens
{
    /// <summary>What <c>roster serve</c>, <c>roster init</c> and <c>roster admin-link</c> give: a day.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(24);

    public static readonly TimeSpan ShortestLifetime = TimeSpan.FromMinutes(5);

    /// <summary>A vendor may hand a link to its customer some days before they act on it, not for ever.</summary>
    public static readonly TimeSpan LongestLifetime = TimeSpan.FromDays(30);

    /// <summary>The page a setup link opens, under the public base URL.</summary>
    public const string Path = "/setup";

    internal static (string Token, byte[] Hash) New(Guid tenantId, Guid linkId)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return ($"{tenantId:N}.{linkId:N}.{secret}", Hash(secret));
    }

    /// <summary>
    /// The link to hand out: the token in the fragment (<c>#token=...</c>), which browsers never
    /// send, so it stays out of every request line, proxy log and Referer.
    /// </summary>
    public static string Link(string publicBaseUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return $"{publicBaseUrl.TrimEnd('/')}{Path}#token={token}";
    }

    /// <summary>The tenant, the link's id and the hash of the secret a presented token names; false when it is not a token at all.</summary>
    internal static bool TryParse(string? token, out Guid tenantId, out Guid linkId, out byte[] hash)
    {
        tenantId = linkId = Guid.Empty;
        hash = [];
        var parts = token?.Trim().Split('.');
        if (parts is not { Length: 3 } || parts[2].Length is < 40 or > 64
            || !Guid.TryParseExact(parts[0], "N", out tenantId) || !Guid.TryParseExact(parts[1], "N", out linkId))
        {
            return false;
        }

        hash = Hash(parts[2]);
        return true;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
