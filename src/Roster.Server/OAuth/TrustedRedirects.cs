using System.Text.RegularExpressions;

namespace Roster.Server.OAuth;

/// <summary>
/// Redirect URLs of identity providers that an access key may use without registering them
/// first: Okta's "Authenticate with ..." button (seed 001) sends its own callback, which the
/// administrator never sees. Patterns are https URLs where <c>*</c> stands for one host label
/// or one path segment; configured by <c>Roster:OAuth:TrustedRedirectPatterns</c>.
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

    private readonly List<(Regex Host, Regex Path)> _patterns;

    public TrustedRedirects(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        _patterns = [.. patterns.Select(Compile)];
    }

    public static TrustedRedirects From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection(SectionName).Get<string[]>();
        return new TrustedRedirects(configured ?? Defaults);
    }

    /// <summary>True for an https URL without user info, port, query or fragment whose host and path match a pattern.</summary>
    public bool Matches(string? redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
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
            new Regex(ToRegex(uri.Host, "[a-z0-9-]+"), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)),
            new Regex(ToRegex(uri.AbsolutePath, "[^/]+"), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }
}
