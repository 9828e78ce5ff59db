using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Roster.Directory.Operators;
using Roster.Server.Admin.Http;

namespace Roster.Server.Operators;

/// <summary>
/// Authenticates operator API requests by an operator key (<c>Authorization: Bearer roster_op_...</c>).
/// Nothing else works here: a tenant's SCIM token, access token or password is refused with a
/// ProblemDetails that says which credential the operator API takes. A failure writes nothing
/// (the key's last use is stamped only for a key that works).
/// </summary>
public sealed class OperatorKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    OperatorKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Missing = "The operator API takes an operator key: send 'Authorization: Bearer <key>' with a key from 'roster operator-keys create'.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return Fail(string.IsNullOrWhiteSpace(header) ? Missing : "The operator API takes an operator key as a bearer token, not a password or any other credential. " + Missing);
        }

        var presented = header[prefix.Length..].Trim();
        if (!presented.StartsWith(OperatorKeyFormat.Prefix, StringComparison.Ordinal))
        {
            return Fail("This is not an operator key: a tenant's SCIM token or access token never works on the operator API. " + Missing);
        }

        if (await keys.VerifyAsync(presented, Context.RequestAborted) is not { } key)
        {
            return Fail("The operator key is not valid or has been revoked; see 'roster operator-keys list'.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(OperatorKeyDefaults.KeyClaim, key.Id.ToString()), new Claim(OperatorKeyDefaults.NameClaim, key.Name)],
            OperatorKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), OperatorKeyDefaults.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer realm=\"Roster operator\"";
        return AdminProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, Context.Items[OperatorKeyDefaults.FailureReasonKey] as string ?? Missing);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AdminProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "This credential may not use the operator API.");

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[OperatorKeyDefaults.FailureReasonKey] = reason;
        return AuthenticateResult.Fail(reason);
    }
}
