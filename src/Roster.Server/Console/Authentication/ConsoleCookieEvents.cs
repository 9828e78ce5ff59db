using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Roster.Directory.Employees;

namespace Roster.Server.Console.Authentication;

/// <summary>
/// Keeps a session true to the directory: each request re-reads the employee's status and
/// permissions (<see cref="ReadEmployeeAccess"/>), so a locked or deactivated profile is signed
/// out and a role change shows at once. A refusal is a 403 on the URL asked for, not a redirect.
/// </summary>
public sealed class ConsoleCookieEvents(ReadEmployeeAccess access) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        if (principal?.TenantId() is not { } tenant || principal.EmployeeId() is not { } employee)
        {
            await Reject(context);
            return;
        }

        var now = await access.ExecuteAsync(tenant, employee, context.HttpContext.RequestAborted);
        if (!now.Succeeded)
        {
            await Reject(context);
            return;
        }

        context.ReplacePrincipal(ConsolePrincipal.WithPermissions(principal, now.Permissions));
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
