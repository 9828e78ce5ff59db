using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Roster.Server.Admin.Authentication;
using Roster.Server.Console.Http;

namespace Roster.Server.Console.Authentication;

/// <summary>
/// A console page refused for a missing permission answers 403 with a page in the console's frame
/// that names the permission and who can grant it (the admin API's handler would answer JSON); everything else goes to
/// <see cref="AdminAuthorizationResultHandler"/>, which keeps the admin API's behaviour.
/// </summary>
public sealed class ConsoleAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AdminAuthorizationResultHandler _admin = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (ConsolePaths.IsConsole(context.Request.Path)
            && authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>().FirstOrDefault() is { } missing)
        {
            return ConsoleStatusCodePages.WriteAsync(context, StatusCodes.Status403Forbidden, detail: null, missing.AnyOf);
        }

        return _admin.HandleAsync(next, context, policy, authorizeResult);
    }
}
