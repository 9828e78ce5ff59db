using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Roster.Directory.Credentials;
using Roster.Server.Admin.Http;
using Roster.Server.OAuth;

namespace Roster.Server.Admin.Authentication;

/// <summary>
/// Machines on the admin API: an OAuth access token from Roster's own server (client credentials
/// with an access key or a back-end app, or the authorization code flow) for the organization of
/// the URL. Its power is the intersection of what its scopes allow (<see cref="OAuthScopes.AdminPermissions"/>)
/// and what the person it acts for holds now, within the credential's ceiling: a client's scopes
/// never reach beyond its owner's permissions, and a demotion takes effect at the next request.
/// </summary>
public sealed class AdminBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OAuthCredentials oauth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.RouteValues.TryGetValue("orgId", out var routeOrg) || !Guid.TryParse(routeOrg?.ToString(), out var tenantId))
        {
            return Fail("The admin API's URLs name the organization: /api/v1/orgs/{orgId}/...");
        }

        var token = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (token.StartsWith("roster_scim_", StringComparison.Ordinal))
        {
            return Fail("SCIM tokens are valid for the SCIM API only; the admin API takes an employee's email and password (HTTP Basic) or an OAuth access token with an admin scope.");
        }

        var validated = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (validated.Principal is not { } principal || !TokenEndpoint.TryRead(principal, out var grant))
        {
            return Fail("The access token is not valid, has expired or has been revoked; request a new one from the token endpoint.");
        }

        if (grant.TenantId != tenantId)
        {
            return Fail("This access token was issued for another organization.");
        }

        var scoped = OAuthScopes.AdminPermissions(principal.GetScopes());
        if (scoped.Keys.Count == 0)
        {
            return Fail($"This access token has no admin API scope; request one of {string.Join(", ", OAuthScopes.Admin)}.");
        }

        var check = await oauth.CheckGrantAsync(grant.TenantId, grant.Kind, grant.CredentialId, grant.PersonId, grant.Delegated, Context.RequestAborted);
        if (!check.Stands)
        {
            return Fail(check.Refusal);
        }

        var claims = new List<Claim>
        {
            new(AdminBasicDefaults.TenantClaim, tenantId.ToString()),
            new(AdminApiSchemes.CredentialClaim, grant.CredentialId.ToString()),
        };
        if (grant.PersonId is { } person)
        {
            claims.Add(new Claim(AdminBasicDefaults.EmployeeClaim, person.ToString()));
        }

        claims.AddRange(check.Permissions.Within(scoped).Keys.Select(p => new Claim(AdminBasicDefaults.PermissionClaim, p)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, AdminApiSchemes.Bearer)), AdminApiSchemes.Bearer));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[AdminBasicDefaults.FailureReasonKey] as string ?? "Send an access token: 'Authorization: Bearer <token>'.";
        Response.Headers[HeaderNames.WWWAuthenticate] = $"Bearer realm=\"{AdminBasicDefaults.Realm}\", error=\"invalid_token\"";
        return AdminProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, reason);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AdminProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "This access token may not use this part of the admin API.");

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[AdminBasicDefaults.FailureReasonKey] = reason;
        return AuthenticateResult.Fail(reason);
    }
}
