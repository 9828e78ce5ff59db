using OpenIddict.Abstractions;
using OpenIddict.Server;
using Roster.Directory.AccessKeys;
using Roster.Directory.Credentials;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers.Authentication;

namespace Roster.Server.OAuth;

/// <summary>
/// The authorize endpoint's redirect_uri check, in place of OpenIddict's
/// <see cref="ValidateClientRedirectUri"/> and at its place in the pipeline (after the client is
/// known, before any page runs). First <see cref="RedirectUriRules"/>, for every client: a URI
/// stored before those rules (user info, loopback http for a confidential client) is refused here
/// too. Then an access key may use a trusted IdP callback (<see cref="TrustedRedirects"/>) that no
/// one registered: it is accepted for this request only, and nothing is written, since anyone on
/// the internet can send this request before signing in. Every other URI must be registered for
/// the client, as OpenIddict checks it. The code OpenIddict issues records the URI, and the token
/// endpoint exchanges it only with that same URI (RFC 6749 §4.1.3), so a code issued for one
/// callback is never good for another.
/// </summary>
public sealed class ClientRedirectUriCheck(IOpenIddictApplicationManager applications, TrustedRedirects trusted) : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .UseScopedHandler<ClientRedirectUriCheck>()
            .SetOrder(ValidateClientRedirectUri.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!string.IsNullOrEmpty(context.RedirectUri))
        {
            var application = await applications.FindByClientIdAsync(context.ClientId!, context.CancellationToken)
                ?? throw new InvalidOperationException("OpenIddict authenticated a client it cannot find.");
            var publicClient = await applications.HasClientTypeAsync(application, ClientTypes.Public, context.CancellationToken);
            if (RedirectUriRules.Check(context.RedirectUri, publicClient) is { } reason)
            {
                context.Reject(Errors.InvalidRequest, $"The specified 'redirect_uri' is not valid: {reason}.");
                return;
            }

            if (AccessKeyFormat.LooksLikeKeyId(context.ClientId) && trusted.Matches(context.RedirectUri))
            {
                return;
            }
        }

        await new ValidateClientRedirectUri(applications).HandleAsync(context);
    }
}
