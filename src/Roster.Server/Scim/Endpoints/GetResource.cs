using Roster.Directory.Resources;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>GET /{Resources}/{id} (RFC 7644 section 3.4.1), with <c>If-None-Match</c>.</summary>
public static class GetResource
{
    public static async Task<IResult> HandleAsync(HttpContext context, IScimResourceStore store, string id, ResourceRenderer renderer)
    {
        var projection = ScimQuery.Projection(context.Request);
        if (!projection.IsSuccess)
        {
            return new ScimErrorResult(projection.Error);
        }

        var found = await store.GetAsync(context.GetScimCaller(), id, projection.Value.MayReturn(ResourceRenderer.DerivedAttribute(store.ResourceType)), context.RequestAborted);
        if (!found.IsSuccess)
        {
            return new ScimErrorResult(found.Error);
        }

        var resource = found.Value;
        if (EntityTag.NoneMatchHits(context.Request, resource.Version))
        {
            context.Response.Headers.ETag = EntityTag.Format(resource.Version);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var body = renderer.Render(context.Request, resource, store.ResourceType, projection.Value);
        return new ScimJsonResult(body, etag: EntityTag.Format(resource.Version));
    }
}
