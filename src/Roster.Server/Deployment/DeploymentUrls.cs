using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Roster.Server.Hosting;

namespace Roster.Server.Deployment;

/// <summary>
/// The deployment's public URLs as a request sees them: configured values first, defaults derived
/// from the public base URL, and the request's own scheme and host when nothing is configured
/// (a laptop run), except for links that are emailed (<see cref="EmailedLink"/>).
/// </summary>
public sealed class DeploymentUrls(IOptions<DeploymentOptions> deployment, IOptions<RosterServerOptions> server, IServer listening)
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

    /// <summary>
    /// The base of every link Roster emails (an invitation's <c>/activate</c>, an unlock link's
    /// <c>/unlock</c>), or null with <paramref name="problem"/> saying why there is none. Never
    /// the request's Host header: any client chooses it, and an invitation sent by an
    /// administrator through a forged Host would carry its token to the forger's server. The
    /// configured public URL comes first; without one, the address this node listens on, the
    /// one <c>roster serve</c> prints, when it names a host (not a wildcard such as 0.0.0.0).
    /// </summary>
    public string? EmailedLink(string path, out string? problem)
    {
        problem = null;
        var configured = string.IsNullOrWhiteSpace(deployment.Value.PublicBaseUrl) ? server.Value.PublicBaseUrl : deployment.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + path;
        }

        var addresses = listening.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (addresses.FirstOrDefault(IsHostAddress) is { } address)
        {
            return address.TrimEnd('/') + path;
        }

        problem = $"Roster cannot email a link: no public URL is configured ({DeploymentOptions.SectionName}:{nameof(DeploymentOptions.PublicBaseUrl)}, " +
            $"or 'roster serve --public-url'), and it listens on {(addresses.Count == 0 ? "no address yet" : string.Join(", ", addresses))}, " +
            "which is not an address people can open. Links are never built from the request's Host header, which any client can forge.";
        return null;
    }

    // http://0.0.0.0:5000, http://[::]:5000, http://+:5000 and http://*:5000 listen everywhere and name no host.
    private static bool IsHostAddress(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.Host is not ("0.0.0.0" or "[::]" or "::" or "+" or "*" or "");
}
