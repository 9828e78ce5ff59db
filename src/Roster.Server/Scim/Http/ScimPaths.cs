namespace Roster.Server.Scim.Http;

/// <summary>
/// Where the SCIM API lives: the same API answers at every base URL an identity provider's guide
/// tells an administrator to enter (docs/compatibility.md), so none of them meets a 404.
/// </summary>
public static class ScimPaths
{
    /// <summary>Roster's own form: <c>/scim/v2/{orgId}</c>, or <c>/scim/v2</c> with the tenant taken from the token.</summary>
    public const string Root = "/scim/v2";

    /// <summary>
    /// CXone's guide for an identity provider that authenticates with a bearer token puts
    /// <c>/oauth</c> before <c>/scim</c>: <c>/oauth/scim/v2</c> and <c>/oauth/scim/v2/{orgId}</c>.
    /// </summary>
    public const string OAuthRoot = "/oauth/scim/v2";

    /// <summary>Webex's guide names the tenant URL <c>/v1/scim/{orgId}</c>; this form always carries the org ID.</summary>
    public const string WebexRoot = "/v1/scim";

    /// <summary>The first segments of each form, for the SCIM 404 below them and for <see cref="IsScim"/>.</summary>
    public static IReadOnlyList<string> Areas { get; } = [ScimArea, OAuthArea, WebexRoot];

    private const string ScimArea = "/scim";
    private const string OAuthArea = "/oauth/scim";

    /// <summary>Asked several times per request (authentication, limits, metrics), so without a closure or an enumerator.</summary>
    public static bool IsScim(PathString path) =>
        path.StartsWithSegments(ScimArea, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(OAuthArea, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(WebexRoot, StringComparison.OrdinalIgnoreCase);

    /// <summary>The base path a request came through, so that the URLs Roster answers with use the same form.</summary>
    public static string RootOf(PathString path) =>
        path.StartsWithSegments(OAuthRoot, StringComparison.OrdinalIgnoreCase) ? OAuthRoot
        : path.StartsWithSegments(WebexRoot, StringComparison.OrdinalIgnoreCase) ? WebexRoot
        : Root;
}
