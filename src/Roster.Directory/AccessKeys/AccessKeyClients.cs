using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Roster.Directory.AccessKeys;

/// <summary>
/// An access key as an OAuth client (CXone with Okta): a confidential client that may use the
/// client credentials grant, and the authorization code grant with refresh tokens for Okta's
/// "Authenticate with ..." button, with the <c>scim</c> scope, and the admin API's scopes for machines.
/// </summary>
internal static class AccessKeyClients
{
    public static OpenIddictApplicationDescriptor Describe(string keyId, string secret, Guid tenantId)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = keyId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = $"Access key {keyId}",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + Credentials.OAuthScopes.Scim,
                Permissions.Prefixes.Scope + Credentials.OAuthScopes.DirectoryRead,
                Permissions.Prefixes.Scope + Credentials.OAuthScopes.EventsRead,
                Permissions.Prefixes.Scope + Credentials.OAuthScopes.WebhooksManage,
            },
        };
        descriptor.Properties[Credentials.OAuthScopes.TenantProperty] = System.Text.Json.JsonSerializer.SerializeToElement(tenantId.ToString());
        return descriptor;
    }
}
