using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Roster.Directory.Credentials;
using Roster.Server.Authentication;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Roster.Server.OAuth;

/// <summary>Builds the principal OpenIddict turns into tokens: who, for which tenant, with which credential and scopes.</summary>
public static class OAuthPrincipals
{
    /// <param name="tenantId">The tenant every token of the principal is bound to.</param>
    /// <param name="client">The client (access key or app) that asked.</param>
    /// <param name="personId">The employee the tokens act for: the key's owner, or whoever signed in; null for a back-end app.</param>
    /// <param name="scopes">The granted scopes.</param>
    /// <param name="delegated">True when the person signed in and consented (authorization code); false for client credentials.</param>
    public static ClaimsPrincipal Create(Guid tenantId, OAuthClient client, Guid? personId, IEnumerable<string> scopes, bool delegated)
    {
        ArgumentNullException.ThrowIfNull(client);
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, (personId ?? client.CredentialId).ToString());
        identity.SetClaim(ScimBearerDefaults.TenantClaim, tenantId.ToString());
        identity.SetClaim(ScimBearerDefaults.CredentialClaim, client.CredentialId.ToString());
        identity.SetClaim(OAuthClaims.CredentialKind, client.Kind.ToString());
        if (delegated)
        {
            identity.SetClaim(OAuthClaims.Delegated, "true");
        }
        if (personId is { } person)
        {
            identity.SetClaim(ScimBearerDefaults.ProfileClaim, person.ToString());
        }

        identity.SetScopes(scopes);
        identity.SetDestinations(static claim => claim.Type == Claims.Subject
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
