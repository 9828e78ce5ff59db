namespace Roster.Directory.Credentials;

/// <summary>
/// What makes a redirect URI usable, checked where one is registered (app registrations) and again
/// at <c>/auth/authorize</c>, for URIs stored before these rules and for Okta's trusted callbacks:
/// an absolute URI without user info (<c>https://user:pw@host</c> reads as another host to a
/// person, and puts a password in logs and histories) and without a fragment (RFC 6749 §3.1.2);
/// <c>https</c>, or <c>http</c> on a loopback address for a public client, as RFC 8252 §7.3 lets a
/// native app receive its code on the device itself; and bounded in length and number, so that a
/// client's row stays small.
/// </summary>
public static class RedirectUriRules
{
    /// <summary>The longest redirect URI; browsers and proxies handle URLs of about 2,000 characters.</summary>
    public const int MaxLength = 1024;

    /// <summary>The most redirect URIs one client may hold.</summary>
    public const int MaxCount = 10;

    /// <summary>Null when <paramref name="redirectUri"/> is usable for a client of this type; else what is wrong with it.</summary>
    /// <param name="redirectUri">The URI as registered or as sent.</param>
    /// <param name="publicClient">True for a client without a secret (user-public apps), the only ones that may use loopback http.</param>
    public static string? Check(string? redirectUri, bool publicClient)
    {
        if (string.IsNullOrEmpty(redirectUri) || redirectUri.Length > MaxLength)
        {
            return $"a redirect URL is at most {MaxLength:N0} characters";
        }

        if (!Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri) || uri.IsFile || uri.IsUnc)
        {
            return "a redirect URL must be an absolute URL";
        }

        if (uri.UserInfo.Length > 0 || HasUserInfo(redirectUri))
        {
            return "a redirect URL must not carry a user name or password (user:password@)";
        }

        if (uri.Fragment.Length > 0 || redirectUri.Contains('#', StringComparison.Ordinal))
        {
            return "a redirect URL must not have a fragment (#...)";
        }

        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return null;
        }

        return publicClient && uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback
            ? null
            : publicClient
                ? "a redirect URL must use https (http only on a loopback address such as 127.0.0.1)"
                : "a redirect URL must use https (loopback http is for public clients only)";
    }

    /// <summary>An '@' in the authority part, which <see cref="Uri"/> may have parsed away.</summary>
    private static bool HasUserInfo(string text)
    {
        var start = text.IndexOf("//", StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }

        var authority = text[(start + 2)..];
        var end = authority.IndexOfAny(['/', '?', '#']);
        return (end < 0 ? authority : authority[..end]).Contains('@', StringComparison.Ordinal);
    }
}
