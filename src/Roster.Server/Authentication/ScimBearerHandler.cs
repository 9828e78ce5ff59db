using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using Roster.Directory.Credentials;
using Roster.Directory.Provisioning;
using Roster.Directory.Tokens;
using Roster.Scim.Errors;
using Roster.Server.OAuth;
using Roster.Server.Scim.Http;

namespace Roster.Server.Authentication;

/// <summary>
/// Authenticates SCIM requests by their <c>Authorization: Bearer</c> token. A failure is a 401
/// with a SCIM error body that says why and a <c>WWW-Authenticate</c> header (RFC 6750), so an
/// IdP's connection test shows the administrator something to act on.
/// </summary>
public sealed class ScimBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ScimTokenVerifier tokens,
    OAuthCredentials oauth,
    BadTokenCalls badTokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string ScimTokenPrefix = "roster_scim_";

    /// <summary>HttpContext item: the bad token of a refused request, counted once its 401 is sent.</summary>
    private const string BadTokenKey = "roster:scim-bad-token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return Fail("A bearer token is required: send 'Authorization: Bearer <token>'.");
        }

        // The scheme name is case-insensitive (RFC 7235); some clients send "bearer".
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("The Authorization header must use the Bearer scheme: 'Authorization: Bearer <token>'.");
        }

        var token = header[prefix.Length..].Trim();
        if (!token.StartsWith(ScimTokenPrefix, StringComparison.Ordinal))
        {
            return await AuthenticateAccessTokenAsync();
        }

        var outcome = await tokens.VerifyAsync(token, ScimClientNames.Identify(Request), Context.RequestAborted);
        if (!outcome.Succeeded)
        {
            Context.Items[BadTokenKey] = outcome.RefusedKind is { } kind ? new BadToken(kind, outcome.TenantId, outcome.TokenId)
                : outcome.FailureReason == ScimTokenVerifier.InvalidReason ? new BadToken(BadTokenKinds.Unknown, null, null)
                : null;
            return Fail(outcome.FailureReason ?? "The token is not valid.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ScimBearerDefaults.TenantClaim, outcome.TenantId.ToString()),
                new Claim(ScimBearerDefaults.CredentialClaim, outcome.TokenId.ToString()),
                new Claim(ScimBearerDefaults.PermissionsClaim, outcome.Permissions.ToText()),
            ],
            ScimBearerDefaults.Scheme);
        if (outcome.OwnerId is { } owner)
        {
            identity.AddClaim(new Claim(ScimBearerDefaults.ProfileClaim, owner.ToString()));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ScimBearerDefaults.Scheme));
    }

    /// <summary>
    /// An OAuth access token from Roster's own server: OpenIddict checks signature, expiry and
    /// revocation; then the credential and the person it acts for must still stand, and the
    /// token's power is what that person holds now (within the credential's ceiling). A token
    /// without the <c>scim</c> scope authenticates without a tenant, so the SCIM policy answers 403.
    /// </summary>
    private async Task<AuthenticateResult> AuthenticateAccessTokenAsync()
    {
        // A SCIM request skips the schemes' request step (ScimAuthentication): OpenIddict's validation
        // needs its own (its transaction) before it can authenticate. It handles no request itself.
        if (Context.Features.Get<OpenIddictValidationAspNetCoreFeature>() is null
            && await Context.RequestServices.GetRequiredService<IAuthenticationHandlerProvider>()
                .GetHandlerAsync(Context, OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme) is IAuthenticationRequestHandler validation
            && await validation.HandleRequestAsync())
        {
            return Fail("The access token is not valid, has expired or has been revoked; request a new one from the token endpoint.");
        }

        var validated = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (validated.Principal is not { } principal)
        {
            Context.Items[BadTokenKey] = new BadToken(BadTokenKinds.Unknown, null, null);
            return Fail("The access token is not valid, has expired or has been revoked; request a new one from the token endpoint.");
        }

        if (!TokenEndpoint.TryRead(principal, out var grant))
        {
            return Fail("The access token was not issued for the SCIM API.");
        }

        var check = await oauth.CheckGrantAsync(grant.TenantId, grant.Kind, grant.CredentialId, grant.PersonId, grant.Delegated, Context.RequestAborted);
        if (!check.Stands)
        {
            return Fail(check.Refusal);
        }

        var identity = new ClaimsIdentity(ScimBearerDefaults.Scheme);
        if (principal.HasScope(OAuthScopes.Scim))
        {
            identity.AddClaim(new Claim(ScimBearerDefaults.TenantClaim, grant.TenantId.ToString()));
            identity.AddClaim(new Claim(ScimBearerDefaults.CredentialClaim, grant.CredentialId.ToString()));
            identity.AddClaim(new Claim(ScimBearerDefaults.PermissionsClaim, check.Permissions.ToText()));
            if (grant.PersonId is { } person)
            {
                identity.AddClaim(new Claim(ScimBearerDefaults.ProfileClaim, person.ToString()));
                if (grant.Delegated)
                {
                    identity.AddClaim(new Claim(ScimBearerDefaults.SubjectClaim, person.ToString()));
                }
            }
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ScimBearerDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[ScimBearerDefaults.FailureReasonKey] as string
            ?? "A bearer token is required: send 'Authorization: Bearer <token>'.";
        var description = reason.Replace("\"", "'", StringComparison.Ordinal);
        Response.Headers[HeaderNames.WWWAuthenticate] = string.Create(
            CultureInfo.InvariantCulture,
            $"Bearer realm=\"Roster SCIM\", error=\"invalid_token\", error_description=\"{description}\"");
        await ScimErrorResult.WriteAsync(Context, ScimError.Unauthorized(reason));
        if (Context.Items[BadTokenKey] is BadToken bad)
        {
            // The caller has its answer first; the count waits for the database after it.
            await Response.BodyWriter.FlushAsync(Context.RequestAborted);
            await CountAsync(bad);
        }
    }

    /// <summary>
    /// Counts a bad token for the organization whose SCIM URL it was sent to (the activity page's
    /// "Test connection" diagnosis). An expired or revoked token counts for its own organization,
    /// at its URL or the one without an org ID; sent to another organization's URL, it is for that
    /// organization a value it does not know, and counts there as unknown, naming nothing of the other.
    /// </summary>
    private Task CountAsync(BadToken bad)
    {
        var client = ScimClientNames.Identify(Request);
        var urlTenant = OrgIdInPath(Request.PathBase.Add(Request.Path));
        if (bad.TenantId is { } tokenTenant && (urlTenant is null || urlTenant == tokenTenant))
        {
            return badTokens.RecordAsync(tokenTenant, bad.Kind, client, bad.TokenId, CancellationToken.None);
        }

        return urlTenant is { } tenant
            ? badTokens.RecordAsync(tenant, BadTokenKinds.Unknown, client, null, CancellationToken.None)
            : Task.CompletedTask;
    }

    /// <summary>The org ID of <c>/scim/v2/{orgId}/...</c> (and the other base URL forms), or null for the form without one.</summary>
    private static Guid? OrgIdInPath(PathString path)
    {
        var root = ScimPaths.RootOf(path);
        if (!path.StartsWithSegments(root, StringComparison.OrdinalIgnoreCase, out var rest) || rest.Value is not { Length: > 1 } tail)
        {
            return null;
        }

        var segment = tail[1..];
        var end = segment.IndexOf('/', StringComparison.Ordinal);
        return Guid.TryParse(end < 0 ? segment : segment[..end], out var id) ? id : null;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimErrorResult.WriteAsync(Context, ScimError.Forbidden("This credential may not use the SCIM API: an access token needs the 'scim' scope."));

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[ScimBearerDefaults.FailureReasonKey] = reason;
        return AuthenticateResult.Fail(reason);
    }

    private sealed record BadToken(string Kind, Guid? TenantId, Guid? TokenId);
}
