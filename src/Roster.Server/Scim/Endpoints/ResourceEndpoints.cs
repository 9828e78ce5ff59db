using Microsoft.Extensions.Options;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Server.Hosting;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>Maps the RFC 7644 operations of one resource type (Users or Groups).</summary>
public static class ResourceEndpoints
{
    public static void MapResourceEndpoints(this RouteGroupBuilder scim, string resourceKey)
    {
        ArgumentNullException.ThrowIfNull(scim);
        var group = scim.MapGroup($"/{resourceKey}").AddEndpointFilter<ScimPermissionFilter>();
        // The handlers' services are parameters, bound by minimal APIs (which also makes each lambda
        // a Delegate rather than a RequestDelegate, so its IResult is executed, not dropped).
        group.MapGet("", (HttpContext c, IOptions<RequestLimitsOptions> limits, ResourceRenderer renderer) =>
            ListResources.HandleAsync(c, Store(c, resourceKey), limits.Value, renderer));
        group.MapPost("/.search", (HttpContext c, ScimBodyReader reader, IOptions<RequestLimitsOptions> limits, ResourceRenderer renderer) =>
            SearchResources.HandleAsync(c, Store(c, resourceKey), reader, limits.Value, renderer));
        group.MapPost("", (HttpContext c, ScimBodyReader reader, ResourceRenderer renderer) =>
            CreateResource.HandleAsync(c, Store(c, resourceKey), reader, renderer));
        group.MapGet("/{id}", (HttpContext c, string id, ResourceRenderer renderer) =>
            GetResource.HandleAsync(c, Store(c, resourceKey), id, renderer));
        group.MapPut("/{id}", (HttpContext c, string id, ScimBodyReader reader, ResourceRenderer renderer) =>
            ReplaceResource.HandleAsync(c, Store(c, resourceKey), id, reader, renderer));
        group.MapPatch("/{id}", (HttpContext c, string id, ScimBodyReader reader, IOptions<RequestLimitsOptions> limits, ResourceRenderer renderer) =>
            PatchResource.HandleAsync(c, Store(c, resourceKey), id, reader, limits.Value, renderer));
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

    /// <summary>
    /// The store of this group's resource type. The one lookup left in the handlers: the key is
    /// chosen by the route (<c>Users</c> or <c>Groups</c>), and <c>[FromKeyedServices]</c> takes only
    /// a constant.
    /// </summary>
    private static IScimResourceStore Store(HttpContext context, string key) =>
        context.RequestServices.GetRequiredKeyedService<IScimResourceStore>(key);
}
