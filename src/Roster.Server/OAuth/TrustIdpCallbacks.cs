using OpenIddict.Server;
using Roster.Directory.AccessKeys;
using Roster.Directory.Credentials;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Roster.Server.OAuth;

/// <summary>
/// Runs as soon as OpenIddict has read an authorization request, before any validation: when the client is an access key and the URL is a trusted IdP callback
/// (<see cref="TrustedRedirects"/>), the URL is added to the key's client, so the check passes
/// and the code can only ever go back to that IdP. Any other URL still has to be registered.
/// </summary>
public sealed class TrustIdpCallbacks(OAuthClientRegistry clients, TrustedRedirects trusted) : IOpenIddictServerHandler<ExtractAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ExtractAuthorizationRequestContext>()
            .UseSingletonHandler<TrustIdpCallbacks>()
            .SetOrder(int.MaxValue - 100_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ExtractAuthorizationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (clientId, redirectUri) = (context.Request?.ClientId, context.Request?.RedirectUri);
        if (AccessKeyFormat.LooksLikeKeyId(clientId) && trusted.Matches(redirectUri) && await clients.ExistsAsync(clientId!, context.CancellationToken))
        {
            await clients.AddRedirectUriAsync(clientId!, new Uri(redirectUri!), context.CancellationToken);
        }
    }
}
