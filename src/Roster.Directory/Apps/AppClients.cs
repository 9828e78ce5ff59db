using System.Text.Json;
using OpenIddict.Abstractions;
using Roster.Directory.Credentials;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Roster.Directory.Apps;

/// <summary>
/// An app registration as an OAuth client. User apps may use the authorization code grant with
/// refresh tokens (PKCE required for public ones); a back-end app may use client credentials.
/// A back-end app also holds the code and refresh grants' permissions only so that OpenIddict lets its
/// authorization request reach Roster's authorize page, which refuses it with a message that
/// says what to change instead of OAuth's bare "unauthorized_client"; no code is ever issued to it.
/// </summary>
internal static class AppClients
{
    public static OpenIddictApplicationDescriptor Describe(string clientId, string? secret, AppDraft draft, Guid tenantId)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = draft.ClientType == AppClientType.UserPublic ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = draft.Name,
        };
        descriptor.Permissions.UnionWith([
            Permissions.Endpoints.Token, Permissions.Endpoints.Authorization, Permissions.Endpoints.Revocation,
            Permissions.ResponseTypes.Code, Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken]);
        if (draft.ClientType == AppClientType.BackEnd)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }

        if (draft.ClientType == AppClientType.UserPublic)
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        foreach (var scope in draft.Scopes.Where(s => s != OAuthScopes.OpenId))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.RedirectUris.UnionWith(draft.RedirectUris.Select(r => new Uri(r)));
        descriptor.Properties[OAuthScopes.TenantProperty] = JsonSerializer.SerializeToElement(tenantId.ToString());
        return descriptor;
    }
}
