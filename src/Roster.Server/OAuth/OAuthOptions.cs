namespace Roster.Server.OAuth;

/// <summary>The OAuth server's settings (section <c>Roster:OAuth</c>).</summary>
public sealed class OAuthOptions
{
    public const string SectionName = "Roster:OAuth";

    /// <summary>
    /// Redirect URLs an access key may use without registering them: https patterns where <c>*</c>
    /// is one host label or one path segment. Default: Okta's provisioning callbacks
    /// (<c>https://*.okta.com/admin/app/*/*/oauth/callback</c>, and the same on <c>oktapreview.com</c> and <c>okta-emea.com</c>).
    /// </summary>
    public List<string>? TrustedRedirectPatterns { get; set; }
}
