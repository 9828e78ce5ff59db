using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>Maps the RFC 7644 operations of one resource type (Users or Groups).</summary>
public static class ResourceEndpoints
{
    public static void MapResourceEndpoints(this RouteGroupBuilder scim, string resourceKey)
    {
        ArgumentNullException.ThrowIfNull(scim);
        var group = scim.MapGroup($"/{resourceKey}").AddEndpointFilter<ScimPermissionFilter>();
        group.MapGet("", (Delegate)((HttpContext c) => ListResources.HandleAsync(c, Store(c, resourceKey))));
        group.MapPost("/.search", (Delegate)((HttpContext c) => SearchResources.HandleAsync(c, Store(c, resourceKey))));
        group.MapPost("", (Delegate)((HttpContext c) => CreateResource.HandleAsync(c, Store(c, resourceKey))));
        group.MapGet("/{id}", (HttpContext c, string id) => GetResource.HandleAsync(c, Store(c, resourceKey), id));
        group.MapPut("/{id}", (HttpContext c, string id) => ReplaceResource.HandleAsync(c, Store(c, resourceKey), id));
        group.MapPatch("/{id}", (HttpContext c, string id) => PatchResource.HandleAsync(c, Store(c, resourceKey), id));
        group.MapDelete("/{id}", (HttpContext c, string id) => DeleteResource.HandleAsync(c, Store(c, resourceKey), id));

        // Without these, the /scim catch-all would answer a wrong method with 404 instead of 405.
        group.MapMethods("", ["PUT", "PATCH", "DELETE"], (HttpContext c) => MethodNotAllowed(c, "GET, POST"));
        group.MapMethods("/{id}", ["POST"], (HttpContext c) => MethodNotAllowed(c, "GET, PUT, PATCH, DELETE"));
    }

    private static ScimErrorResult MethodNotAllowed(HttpContext context, string allowed)
    {
        context.Response.Headers.Allow = allowed;
        return new ScimErrorResult(ScimError.MethodNotAllowed(
            $"{context.Request.Method} is not allowed on '{context.Request.Path}'; use {allowed}."));
    }

    private static IScimResourceStore Store(HttpContext context, string key) =>
        context.RequestServices.GetRequiredKeyedService<IScimResourceStore>(key);
}
