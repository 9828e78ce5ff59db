using System.ComponentModel.DataAnnotations;

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

    /// <summary>The longest <see cref="RefreshTokenIdleDays"/> allowed; the OAuth keys are kept this long after they are replaced.</summary>
    public const int MaxRefreshTokenIdleDays = 365;

    /// <summary>
    /// Days a refresh token stays valid unused. Each use issues a new one with a new window
    /// (sliding) and ends the old one (rolling: used again after 30 seconds, the whole grant is
    /// revoked), so a connection that refreshes at least this often never lapses; revoking the app
    /// or its consents, or deactivating the person, ends it at once. Long by default because an
    /// identity provider's connection (Okta's "Authenticate with ...") refreshes only when it next
    /// provisions, which on a quiet organization can be weeks away.
    /// </summary>
    [Range(1, MaxRefreshTokenIdleDays)]
    public int RefreshTokenIdleDays { get; set; } = 90;
}
