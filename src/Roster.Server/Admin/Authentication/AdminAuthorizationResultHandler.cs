using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Roster.Server.Admin.Http;

namespace Roster.Server.Admin.Authentication;

/// <summary>
/// Turns a refusal for a missing permission into a 403 ProblemDetails that names the permission.
/// It runs before the endpoint reads the body, so someone without the permission learns nothing
/// from how the request would have been handled. Every other outcome takes the default path.
/// </summary>
public sealed class AdminAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<PermissionRequirement>().FirstOrDefault() is { } missing)
        {
            return AdminProblems.WriteAsync(context, StatusCodes.Status403Forbidden, missing.Refusal);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
