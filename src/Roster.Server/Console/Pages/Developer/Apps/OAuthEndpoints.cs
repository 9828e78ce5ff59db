using Roster.Directory.Credentials;
using Roster.Server.Deployment;

namespace Roster.Server.Console.Pages.Developer.Apps;

/// <summary>What an IdP's SCIM and OAuth settings ask for, as this deployment publishes them.</summary>
/// <param name="Token">The access token endpoint URI (e.g. Okta's "Access token endpoint URI").</param>
/// <param name="Authorize">The authorization endpoint URI with <c>?scope=openid</c>, as the seed guides write it.</param>
/// <param name="ScimBase">The organization's SCIM base URL (the "SCIM connector base URL").</param>
public sealed record OAuthEndpoints(string Token, string Authorize, string ScimBase)
{
    /// <summary>The unique identifier field for users an IdP's SCIM settings ask for: Roster matches people by <c>userName</c>.</summary>
    public const string UniqueIdentifier = "userName";

    public static OAuthEndpoints Of(DeploymentUrls urls, HttpRequest request, Guid orgId)
    {
        ArgumentNullException.ThrowIfNull(urls);
        var authorize = urls.AuthorizeEndpoint(request);
        var separator = authorize.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return new OAuthEndpoints(urls.TokenEndpoint(request), $"{authorize}{separator}scope={OAuthScopes.OpenId}", urls.ConnectorUrl(request, orgId));
    }
}
