using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Roster.Directory.Tokens;
using Roster.Scim.Errors;
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
    IScimTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
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
        var outcome = await tokens.AuthenticateAsync(token, ScimClientNames.Identify(Request), Context.RequestAborted);
        if (!outcome.Succeeded)
        {
            return Fail(outcome.FailureReason ?? "The token is not valid.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ScimBearerDefaults.TenantClaim, outcome.TenantId.ToString()),
                new Claim(ScimBearerDefaults.CredentialClaim, outcome.TokenId.ToString()),
            ],
            ScimBearerDefaults.Scheme);
        if (outcome.OwnerId is { } owner)
        {
            identity.AddClaim(new Claim(ScimBearerDefaults.ProfileClaim, owner.ToString()));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ScimBearerDefaults.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[ScimBearerDefaults.FailureReasonKey] as string
            ?? "A bearer token is required: send 'Authorization: Bearer <token>'.";
        var description = reason.Replace("\"", "'", StringComparison.Ordinal);
        Response.Headers[HeaderNames.WWWAuthenticate] = string.Create(
            CultureInfo.InvariantCulture,
            $"Bearer realm=\"Roster SCIM\", error=\"invalid_token\", error_description=\"{description}\"");
        return ScimErrorResult.WriteAsync(Context, ScimError.Unauthorized(reason));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ScimErrorResult.WriteAsync(Context, ScimError.Forbidden("This credential may not use the SCIM API."));

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[ScimBearerDefaults.FailureReasonKey] = reason;
        return AuthenticateResult.Fail(reason);
    }
}
