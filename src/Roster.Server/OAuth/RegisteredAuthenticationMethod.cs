using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using Roster.Directory.AccessKeys;
using Roster.Directory.Apps;
using Roster.Directory.Credentials;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Roster.Server.OAuth;

/// <summary>
/// Holds each client to the authentication method it is registered for
/// (<see cref="TokenEndpointAuthMethods"/>) at the token and revocation endpoints: an app
/// registered for <c>client_secret_post</c> that sends its secret as HTTP Basic is refused, as RFC
/// 7591 §2 means <c>token_endpoint_auth_method</c> to be. OpenIddict 7 knows only the server's list
/// of methods (<c>ClientAuthenticationMethods</c>, every client alike), so Roster checks the
/// client's own here, once OpenIddict has checked the secret: only the secret's holder learns
/// which method the client is registered for, and an unknown client and a wrong secret still look
/// alike (<see cref="UnknownAndWrongClientsLookAlike"/>).
/// </summary>
public sealed class RegisteredAuthenticationMethod(IOpenIddictApplicationManager applications) :
    IOpenIddictServerHandler<ValidateTokenRequestContext>,
    IOpenIddictServerHandler<ValidateRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor TokenDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .UseScopedHandler<RegisteredAuthenticationMethod>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictServerHandlerDescriptor RevocationDescriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateRevocationRequestContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .UseScopedHandler<RegisteredAuthenticationMethod>()
            .SetOrder(OpenIddictServerHandlers.Revocation.ValidateAuthentication.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CheckAsync(context, context.ClientId);
    }

    public ValueTask HandleAsync(ValidateRevocationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CheckAsync(context, context.ClientId);
    }

    private async ValueTask CheckAsync(BaseValidatingContext context, string? clientId)
    {
        if (string.IsNullOrEmpty(clientId) || await applications.FindByClientIdAsync(clientId, context.CancellationToken) is not { } application)
        {
            return;
        }

        var appType = await applications.HasClientTypeAsync(application, ClientTypes.Public, context.CancellationToken) ? AppClientType.UserPublic : AppClientType.UserConfidential;
        var registered = TokenEndpointAuthMethods.For(AccessKeyFormat.LooksLikeKeyId(clientId) ? OAuthClientKind.AccessKey : OAuthClientKind.App, appType);
        var used = UsedMethod(context);
        if (!registered.Contains(used, StringComparer.Ordinal))
        {
            context.Reject(
                Errors.InvalidClient,
                used == TokenEndpointAuthMethods.ClientSecretBasic && registered.Contains(TokenEndpointAuthMethods.ClientSecretPost, StringComparer.Ordinal)
                    ? "This client is registered for client_secret_post: send client_id and client_secret in the form body, not in an Authorization header."
                    : $"This client is registered for {string.Join(" or ", registered)}, not {used}.");
        }
    }

    /// <summary>HTTP Basic when the request has such an Authorization header (OpenIddict took the credentials from it), else the form's secret, else none.</summary>
    private static string UsedMethod(BaseValidatingContext context)
    {
        var header = context.Transaction.GetHttpRequest()?.Headers.Authorization.ToString() ?? "";
        return header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase) ? TokenEndpointAuthMethods.ClientSecretBasic
            : !string.IsNullOrEmpty(context.Transaction.Request?.ClientSecret) ? TokenEndpointAuthMethods.ClientSecretPost
            : TokenEndpointAuthMethods.None;
    }
}
