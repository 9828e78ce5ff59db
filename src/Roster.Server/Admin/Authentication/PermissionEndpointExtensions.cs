namespace Roster.Server.Admin.Authentication;

/// <summary>Declares which permission an admin endpoint needs.</summary>
public static class PermissionEndpointExtensions
{
    /// <summary>
    /// The endpoint runs only for employees holding one of <paramref name="anyOf"/> (permission
    /// keys); others get a 403 ProblemDetails naming them (<see cref="AdminAuthorizationResultHandler"/>).
    /// </summary>
    public static RouteHandlerBuilder RequirePermission(this RouteHandlerBuilder builder, params string[] anyOf)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.RequireAuthorization(p => p
            .AddAuthenticationSchemes(AdminApiSchemes.Scheme)
            .RequireClaim(AdminBasicDefaults.TenantClaim)
            .AddRequirements(new PermissionRequirement(anyOf)));
        builder.ProducesProblem(StatusCodes.Status403Forbidden);
        return builder;
    }
}
