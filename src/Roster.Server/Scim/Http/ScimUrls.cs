using Roster.Server.Deployment;

namespace Roster.Server.Scim.Http;

/// <summary>
/// Builds the SCIM base URL of a request: the configured public base URL (or the request's own
/// scheme and host) plus the base path the request came through (<see cref="ScimPaths.RootOf"/>),
/// with the org ID when the request used that form, so <c>meta.location</c> points back through the
/// same door the client used: an IdP that compares the location with the URL it was given finds it.
/// </summary>
public sealed class ScimUrls(DeploymentUrls deployment)
{
    public string PublicBaseUrl(HttpRequest request) => deployment.PublicBaseUrl(request);

    public string ScimBase(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = PublicBaseUrl(request) + ScimPaths.RootOf(request.Path);
        return request.RouteValues.TryGetValue("orgId", out var orgId) && orgId is not null ? $"{root}/{orgId}" : root;
    }

    /// <summary>The "Base connector URL" administrators paste into their IdP.</summary>
    public static string ConnectorUrl(string publicBaseUrl, Guid orgId) => $"{publicBaseUrl.TrimEnd('/')}/scim/v2/{orgId}";
}
