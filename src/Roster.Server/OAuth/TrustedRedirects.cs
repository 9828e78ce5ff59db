using System.Text.RegularExpressions;
using Roster.Directory.Credentials;

namespace Roster.Server.OAuth;

/// <summary>
/// Redirect URLs of identity providers that an access key may use without registering them
/// first: Okta's "Authenticate with ..." button (seed 001) sends its own callback, which the
/// administrator never sees. Patterns are https URLs where <c>*</c> stands for one host label (at
/// most 63 characters, as in DNS) or one path segment (at most <see cref="MaxSegmentLength"/>);
/// configured by <c>Roster:OAuth:TrustedRedirectPatterns</c>. A match is only ever checked, never
/// stored (<see cref="ClientRedirectUriCheck"/>).
/// </summary>
public sealed class TrustedRedirects
{
    public const string SectionName = "Roster:OAuth:TrustedRedirectPatterns";

    /// <summary>Okta's callbacks for its provisioning integrations, in its production, preview and EMEA cells.</summary>
    public static readonly IReadOnlyList<string> Defaults =
    [
        "https://*.okta.com/admin/app/*/*/oauth/callback",
        "https://*.oktapreview.com/admin/app/*/*/oauth/callback",
        "https://*.okta-emea.com/admin/app/*/*/oauth/callback",
    ];

    /// <summary>The longest path segment a <c>*</c> stands for: Okta's app names and instance IDs are far shorter.</summary>
    public const int MaxSegmentLength = 100;

    /// <summary>The longest URL that can match; Okta's callbacks are under 150 characters.</summary>
    public const int MaxLength = 512;

    private readonly List<(Regex Host, Regex Path)> _patterns;

    public TrustedRedirects(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = [.. patterns.Select(Compile)];
    }

    public static TrustedRedirects From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection(OAuthOptions.SectionName).Get<OAuthOptions>()?.TrustedRedirectPatterns;
        return new TrustedRedirects(configured is { Count: > 0 } ? configured : Defaults);
    }

    /// <summary>True for an https URL of at most <see cref="MaxLength"/> characters without user info, port, query or fragment whose host and path match a pattern.</summary>
    public bool Matches(string? redirectUri) =>
        redirectUri is { Length: <= MaxLength }
        && RedirectUriRules.Check(redirectUri, publicClient: false) is null
        && Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && uri.IsDefaultPort
        && uri.UserInfo.Length == 0
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && _patterns.Any(p => p.Host.IsMatch(uri.IdnHost) && p.Path.IsMatch(uri.AbsolutePath));

    private static (Regex Host, Regex Path) Compile(string pattern)
    {
        var uri = new Uri(pattern.Replace("*", "wildcard", StringComparison.Ordinal));
        static string ToRegex(string text, string any) => "^" + Regex.Escape(text).Replace("wildcard", any, StringComparison.Ordinal) + "$";
        return (
            new Regex(ToRegex(uri.Host, "[a-z0-9-]{1,63}"), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)),
            new Regex(ToRegex(uri.AbsolutePath, $"[^/]{{1,{MaxSegmentLength}}}"), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }
}
