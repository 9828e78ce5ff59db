using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Roster.Directory.Employees;
using Roster.Server.Admin.Http;
using Roster.Server.Throttling;

namespace Roster.Server.Admin.Authentication;

/// <summary>
/// Authenticates admin API requests with HTTP Basic (RFC 7617): an employee's email and password,
/// checked in the tenant named by the URL's org ID, so a person of tenant A is never signed in
/// on tenant B's URLs. A failure is a 401 ProblemDetails that says why.
/// </summary>
public sealed class AdminBasicHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IEmployeeSignIn signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string MissingCredentials = "Sign in with your email and password: send 'Authorization: Basic <base64(email:password)>'.";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.RouteValues.TryGetValue("orgId", out var routeOrg) || !Guid.TryParse(routeOrg?.ToString(), out var tenantId))
        {
            return Fail("The admin API's URLs name the organization: /api/v1/orgs/{orgId}/...");
        }

        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return Fail(MissingCredentials);
        }

        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Fail("SCIM tokens are valid for the SCIM API only; the admin API takes an employee's email and password (HTTP Basic).");
        }

        // The scheme name is case-insensitive (RFC 7235).
        const string prefix = "Basic ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !TryDecode(header[prefix.Length..].Trim(), out var email, out var password))
        {
            return Fail(MissingCredentials);
        }

        var outcome = await signIn.SignInAsync(tenantId, email, password, TooManyRequests.ClientAddress(Context), Context.RequestAborted);
        if (!outcome.Succeeded || outcome.Employee is null)
        {
            return Fail(outcome.FailureReason ?? SignInFailures.Generic);
        }

        var claims = new List<Claim>
        {
            new(AdminBasicDefaults.TenantClaim, tenantId.ToString()),
            new(AdminBasicDefaults.EmployeeClaim, outcome.Employee.Id.ToString()),
            new(ClaimTypes.Name, outcome.Employee.Email),
        };
        claims.AddRange(outcome.Permissions.Select(p => new Claim(AdminBasicDefaults.PermissionClaim, p)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, AdminBasicDefaults.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, AdminBasicDefaults.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var reason = Context.Items[AdminBasicDefaults.FailureReasonKey] as string ?? MissingCredentials;
        Response.Headers[HeaderNames.WWWAuthenticate] = $"Basic realm=\"{AdminBasicDefaults.Realm}\", charset=\"UTF-8\"";
        return AdminProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, reason);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AdminProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "This sign-in may not use this part of the admin API.");

    private static bool TryDecode(string encoded, out string email, out string password)
    {
        email = password = "";
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return false;
            }

            email = text[..colon];
            password = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[AdminBasicDefaults.FailureReasonKey] = reason;
        return AuthenticateResult.Fail(reason);
    }
}
