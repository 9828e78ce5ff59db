using Roster.Scim.Errors;
using Roster.Server.Authentication;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>
/// The SCIM API under both <c>/scim/v2/{orgId}</c> (the base connector URL) and <c>/scim/v2</c>
/// (tenant taken from the credential, as CXone does).
/// </summary>
public static class ScimRoutes
{
    public static void MapScim(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        MapApi(app.MapGroup(ScimPaths.Root + "/{orgId:guid}"));
        MapApi(app.MapGroup(ScimPaths.Root));

        // Anything else under /scim is a SCIM 404, not an empty page or an HTML error.
        app.Map("/scim/{**rest}", (HttpContext c) => new ScimErrorResult(ScimError.NotFound(
            $"There is no SCIM endpoint at '{c.Request.Path}'. The base URL is {ScimPaths.Root}/{{orgId}}, with /Users, /Groups, /Schemas, /ResourceTypes and /ServiceProviderConfig below it.")))
            .RequireAuthorization(ScimBearerDefaults.ScimPolicy);
    }

    private static void MapApi(RouteGroupBuilder scim)
    {
        scim.RequireAuthorization(ScimBearerDefaults.ScimPolicy)
            .AddEndpointFilter<TenantRouteFilter>()
            .AddEndpointFilter<TenantSchemasFilter>();
        scim.MapResourceEndpoints("Users");
        scim.MapResourceEndpoints("Groups");
        scim.MapPost("/.search", (Delegate)SearchRoot.HandleAsync).AddEndpointFilter<ScimPermissionFilter>();
        scim.MapPost("/Bulk", (Delegate)ProcessBulk.HandleAsync).AddEndpointFilter<ScimPermissionFilter>();
        scim.MapMethods("/Bulk", ["GET", "PUT", "PATCH", "DELETE"], (HttpContext c) =>
        {
            c.Response.Headers.Allow = "POST";
            return new ScimErrorResult(ScimError.MethodNotAllowed($"{c.Request.Method} is not allowed on '{c.Request.Path}'; a bulk request is a POST."));
        });
        scim.MapDiscoveryEndpoints();
        scim.MapUnsupportedEndpoints();
    }
}
