using Microsoft.Extensions.Options;
using Roster.Server.Hosting;

namespace Roster.Server.Deployment;

/// <summary>
/// The deployment's public URLs as a request sees them: configured values first, defaults derived
/// from the public base URL, and the request's own scheme and host when nothing is configured
/// (a laptop run).
/// </summary>
public sealed class DeploymentUrls(IOptions<DeploymentOptions> deployment, IOptions<RosterServerOptions> server)
{
    public DeploymentOptions Options => deployment.Value;

    public string PublicBaseUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var configured = string.IsNullOrWhiteSpace(deployment.Value.PublicBaseUrl) ? server.Value.PublicBaseUrl : deployment.Value.PublicBaseUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
    }

    public string TokenEndpoint(HttpRequest request) =>
        string.IsNullOrWhiteSpace(deployment.Value.TokenEndpoint) ? $"{PublicBaseUrl(request)}/auth/token" : deployment.Value.TokenEndpoint;

    public string AuthorizeEndpoint(HttpRequest request) =>
        string.IsNullOrWhiteSpace(deployment.Value.AuthorizeEndpoint) ? $"{PublicBaseUrl(request)}/auth/authorize" : deployment.Value.AuthorizeEndpoint;

    /// <summary>The "Base connector URL" administrators paste into their IdP.</summary>
    public string ConnectorUrl(HttpRequest request, Guid orgId) => $"{PublicBaseUrl(request)}/scim/v2/{orgId}";

    /// <summary>Where an invited employee activates the account: the link's base, the token goes in the query.</summary>
    public string ActivationBase(HttpRequest request) => $"{PublicBaseUrl(request)}/activate";
}
