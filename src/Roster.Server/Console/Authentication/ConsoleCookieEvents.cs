using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Roster.Directory.Employees;
using Roster.Directory.Sessions;

namespace Roster.Server.Console.Authentication;

/// <summary>
/// Keeps a session true to the directory: each request re-reads the server-side session and the
/// employee's status and permissions in one read (<see cref="ReadEmployeeAccess"/>), so a session
/// that was signed out, or whose profile was locked, deactivated or given a new password, stops
/// working on every node, whatever copy of the cookie is presented; a role change shows at once.
/// When sliding expiration renews the cookie, the session's server-side end moves with it. A
/// refusal is a 403 on the URL asked for, not a redirect.
/// </summary>
public sealed class ConsoleCookieEvents(ReadEmployeeAccess access, RenewConsoleSession renew) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        if (principal?.TenantId() is not { } tenant || principal.EmployeeId() is not { } employee || principal.SessionId() is not { } session)
        {
            await Reject(context);
            return;
        }

        var now = await access.ExecuteAsync(tenant, employee, session, context.HttpContext.RequestAborted);
        if (!now.Succeeded)
        {
            await Reject(context);
            return;
        }

        context.ReplacePrincipal(ConsolePrincipal.WithAccess(principal, now.Permissions, now.Employee));
    }

    public override async Task CheckSlidingExpiration(CookieSlidingExpirationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ShouldRenew && context.Principal is { } principal && principal.TenantId() is { } tenant && principal.SessionId() is { } session)
        {
            context.ShouldRenew = await renew.ExecuteAsync(tenant, session, ConsoleAuthentication.IdleTimeout, context.HttpContext.RequestAborted);
        }
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static Task Reject(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        return context.HttpContext.SignOutAsync(ConsoleAuthentication.Scheme);
    }
}
