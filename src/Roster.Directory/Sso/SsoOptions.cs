namespace Roster.Directory.Sso;

/// <summary>
/// Deployment settings of single sign-on (<c>Roster:Sso</c>). IdP addresses must be HTTPS; a
/// deployment that runs its IdP on the same machine (a test, a demo) may allow plain HTTP on
/// loopback addresses with <see cref="AllowLoopbackHttp"/>, never any other host.
/// </summary>
public sealed class SsoOptions
{
    public const string SectionName = "Roster:Sso";

    public bool AllowLoopbackHttp { get; set; }

    /// <summary>
    /// Networks (CIDR) an IdP's metadata URL may reach although they are internal (loopback,
    /// private, link-local), and where it may use plain HTTP: the operator's exceptions to the SSRF
    /// defence that metadata fetching shares with webhooks. Empty by default.
    /// </summary>
    public List<string> MetadataAllowedNetworks { get; set; } = [];

    /// <summary>How long reading an IdP's metadata from its URL may take.</summary>
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an AuthnRequest waits for its response.</summary>
    public TimeSpan SamlRequestLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The most AuthnRequests a tenant keeps waiting; past it, the oldest is forgotten.</summary>
    public int MaxPendingSamlRequests { get; set; } = 10_000;

    /// <summary>
    /// A metadata URL: as <see cref="Problem"/>, but plain HTTP is also accepted when the operator
    /// named networks in <see cref="MetadataAllowedNetworks"/> (reading it then connects over HTTP
    /// only to an address inside them).
    /// </summary>
    public string? MetadataUrlProblem(string? url)
    {
        var problem = Problem(url, "metadata URL");
        return problem is not null && MetadataAllowedNetworks.Count > 0 && Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
            && uri.Scheme == Uri.UriSchemeHttp && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0 && url!.Length <= 2000
            ? null
            : problem;
    }

    /// <summary>
    /// An IdP address (issuer, SSO URL, metadata URL): absolute, HTTPS, or HTTP on a loopback
    /// address when <see cref="AllowLoopbackHttp"/>; no user info, no fragment. Null when
    /// acceptable, else what is wrong.
    /// </summary>
    public string? Problem(string? url, string what)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return $"The {what} must be an absolute URL, e.g. https://idp.example.com/...; '{url}' is not.";
        }

        if (url.Length > 2000)
        {
            return $"The {what} has at most 2,000 characters.";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return $"The {what} must have no user name, password or fragment ('#...').";
        }

        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && AllowLoopbackHttp && uri.IsLoopback))
        {
            return null;
        }

        return $"The {what} must use HTTPS ('{url}' does not): an identity provider's answers decide who signs in, so they must not travel in the clear.";
    }
}
