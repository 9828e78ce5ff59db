using Roster.Scim.Errors;
using Roster.Server.Authentication;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>
/// The SCIM API under <c>/scim/v2/{orgId}</c> (the base connector URL) and <c>/scim/v2</c> (tenant
/// taken from the credential, as CXone does), and the same API, mapped by the same code, at the
/// other base URLs identity providers' guides give (<see cref="ScimPaths"/>): <c>/oauth/scim/v2</c>
/// with or without the org ID, and Webex's <c>/v1/scim/{orgId}</c>.
/// </summary>
public static class ScimRoutes
{
    public static void MapScim(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        MapApi(app.MapGroup(ScimPaths.Root + "/{orgId:guid}"));
        MapApi(app.MapGroup(ScimPaths.Root));
        MapApi(app.MapGroup(ScimPaths.OAuthRoot + "/{orgId:guid}"));
        MapApi(app.MapGroup(ScimPaths.OAuthRoot));
        MapApi(app.MapGroup(ScimPaths.WebexRoot + "/{orgId:guid}"));

        // Anything else under a SCIM area is a SCIM 404, not an empty page or an HTML error.
        foreach (var area in ScimPaths.Areas)
        {
            app.Map(area + "/{**rest}", (HttpContext c) => new ScimErrorResult(ScimError.NotFound(
                $"There is no SCIM endpoint at '{c.Request.Path}'. The base URL is {ScimPaths.Root}/{{orgId}} (also {ScimPaths.OAuthRoot}/{{orgId}} and {ScimPaths.WebexRoot}/{{orgId}}), with /Users, /Groups, /Schemas, /ResourceTypes and /ServiceProviderConfig below it.")))
                .RequireAuthorization(ScimBearerDefaults.ScimPolicy);
        }
    }

    private static void MapApi(RouteGroupBuilder scim)
    {
        scim.RequireAuthorization(ScimBearerDefaults.ScimPolicy)
            .AddEndpointFilter<TenantRouteFilter>()
            .AddEndpointFilter<TenantSchemasFilter>();
        scim.MapResourceEndpoints("Users");
        scim.MapResourceEndpoints("Groups");
        scim.MapPost("/.search", SearchRoot.HandleAsync).AddEndpointFilter<ScimPermissionFilter>();
        scim.MapPost("/Bulk", ProcessBulk.HandleAsync).AddEndpointFilter<ScimPermissionFilter>();
        scim.MapMethods("/Bulk", ["GET", "PUT", "PATCH", "DELETE"], (HttpContext c) =>
        {
            c.Response.Headers.Allow = "POST";
            return new ScimErrorResult(ScimError.MethodNotAllowed($"{c.Request.Method} is not allowed on '{c.Request.Path}'; a bulk request is a POST."));
        });
        scim.MapDiscoveryEndpoints();
        scim.MapMeEndpoints();
    }
}
