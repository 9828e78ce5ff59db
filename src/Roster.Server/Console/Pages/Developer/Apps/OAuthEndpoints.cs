using Roster.Directory.Credentials;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Developer.Apps;

/// <summary>The token and authorize endpoints an IdP's OAuth settings ask for, as this deployment publishes them.</summary>
/// <param name="Token">The access token endpoint URI (e.g. Okta's "Access token endpoint URI").</param>
/// <param name="Authorize">The authorization endpoint URI with <c>?scope=openid</c>, as the seed guides write it.</param>
public sealed record OAuthEndpoints(string Token, string Authorize)
{
    public static OAuthEndpoints Of(DeploymentUrls urls, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var authorize = urls.AuthorizeEndpoint(request);
        var separator = authorize.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new OAuthEndpoints(urls.TokenEndpoint(request), $"{authorize}{separator}scope={OAuthScopes.OpenId}");
    }
}
