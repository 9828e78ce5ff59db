using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Roster.Directory.Credentials;
using Roster.Directory.Roles;
using Roster.Server.Authentication;
using Roster.Server.Scim.Http;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Roster.Server.OAuth;

/// <summary>
/// <c>POST /auth/token</c> after OpenIddict checked the request and the client's credentials:
/// client credentials with an access key (tokens act for the key's owner) or a back-end app
/// (tokens act for the profile it was registered for), and the exchange of codes and refresh
/// tokens, each re-checked against the directory so a deactivated key, app or person, or a person
/// whose permissions no longer allow SCIM provisioning, gets no new token.
/// </summary>
public static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/" + OAuthServerSetup.TokenPath, ExchangeAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ExchangeAsync(HttpContext context, OAuthCredentials credentials)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        var cancellationToken = context.RequestAborted;
        if (request.IsClientCredentialsGrantType())
        {
            return await ClientCredentialsAsync(context, request, credentials, cancellationToken);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            if (granted.Principal is not { } principal || !TryRead(principal, out var grant))
            {
                return OAuthResults.Error(Errors.InvalidGrant, "The code or refresh token is no longer valid.");
            }

            // A demotion takes effect here too: a person who lost employees.edit gets no new SCIM token.
            var check = await credentials.CheckGrantAsync(grant.TenantId, grant.Kind, grant.CredentialId, grant.PersonId, grant.Delegated, cancellationToken);
            if (!check.Stands)
            {
                return OAuthResults.Error(Errors.InvalidGrant, check.Refusal);
            }

            if (principal.HasScope(OAuthScopes.Scim) && !check.Permissions.Holds(Permission.EmployeesEdit))
            {
                return OAuthResults.Error(Errors.InvalidGrant, OAuthCredentials.ScimNotAllowed("the person this grant acts for"));
            }

            if (ScopeBeyondOwner(principal.GetScopes(), check.Permissions, "the person this grant acts for") is { } beyond)
            {
                return OAuthResults.Error(Errors.InvalidGrant, beyond);
            }

            return Results.SignIn(principal, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return OAuthResults.Error(Errors.UnsupportedGrantType, "Use grant_type client_credentials, authorization_code or refresh_token.");
    }

    private static async Task<IResult> ClientCredentialsAsync(HttpContext context, OpenIddictRequest request, OAuthCredentials credentials, CancellationToken cancellationToken)
    {
        var client = await credentials.FindClientAsync(request.ClientId!, cancellationToken);
        if (client is null)
        {
            return OAuthResults.Error(Errors.InvalidClient, "The client credentials are not valid.");
        }

        if (!client.Active)
        {
            return OAuthResults.Error(Errors.InvalidClient, "This access key is deactivated; reactivate it or create a new one.");
        }

        // The token acts for the key's or back-end app's owner, within the credential's ceiling.
        var check = await credentials.CheckGrantAsync(client.TenantId, client.Kind, client.CredentialId, client.OwnerId, delegated: false, cancellationToken);
        if (!check.Stands)
        {
            return OAuthResults.Error(Errors.AccessDenied, check.Refusal);
        }

        if (client.Kind == OAuthClientKind.AccessKey)
        {
            await credentials.NoteKeyUseAsync(client.TenantId, client.CredentialId, ScimClientNames.Identify(context.Request), cancellationToken);
        }

        // Without a scope the token is for SCIM, the one thing these clients came for before the admin scopes.
        var scopes = request.GetScopes().IsEmpty ? [OAuthScopes.Scim]
            : request.GetScopes().Where(s => s == OAuthScopes.Scim || OAuthScopes.Admin.Contains(s)).ToList();
        if (scopes.Contains(OAuthScopes.Scim) && !check.Permissions.Holds(Permission.EmployeesEdit))
        {
            return OAuthResults.Error(Errors.AccessDenied, OAuthCredentials.ScimNotAllowed($"the profile that {client.Name} acts for"));
        }

        // A client's scopes never exceed its owner's permissions (docs/security.md, "The privilege model").
        if (ScopeBeyondOwner(scopes, check.Permissions, $"the profile that {client.Name} acts for") is { } beyond)
        {
            return OAuthResults.Error(Errors.AccessDenied, beyond);
        }

        return Results.SignIn(OAuthPrincipals.Create(client.TenantId, client, client.OwnerId, scopes, delegated: false), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>Why one of <paramref name="scopes"/> may not be granted: an admin scope whose permission the owner does not hold; null when all may.</summary>
    private static string? ScopeBeyondOwner(IEnumerable<string> scopes, PermissionSet owner, string ownerName)
    {
        foreach (var scope in scopes)
        {
            if (OAuthScopes.PermissionOf(scope) is { } permission && !owner.Holds(permission))
            {
                return $"The scope '{scope}' needs the permission '{permission.Key}', which {ownerName} does not hold.";
            }
        }

        return null;
    }

    /// <summary>Reads the Roster claims of a principal OpenIddict restored from an access token, a code or a refresh token.</summary>
    public static bool TryRead(ClaimsPrincipal principal, out GrantClaims grant)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var personId = Guid.TryParse(principal.GetClaim(ScimBearerDefaults.ProfileClaim), out var person) ? person : (Guid?)null;
        var kind = Enum.TryParse<OAuthClientKind>(principal.GetClaim(OAuthClaims.CredentialKind), out var k) ? k : default;
        var credentialId = Guid.TryParse(principal.GetClaim(ScimBearerDefaults.CredentialClaim), out var credential) ? credential : Guid.Empty;
        var tenantId = Guid.TryParse(principal.GetClaim(ScimBearerDefaults.TenantClaim), out var tenant) ? tenant : Guid.Empty;
        grant = new GrantClaims(tenantId, kind, credentialId, personId, principal.GetClaim(OAuthClaims.Delegated) == "true");
        return tenantId != Guid.Empty && credentialId != Guid.Empty;
    }
}
