using Roster.Directory.Resources;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>PUT /{Resources}/{id} (RFC 7644 section 3.5.1), honouring <c>If-Match</c>.</summary>
public static class ReplaceResource
{
    public static async Task<IResult> HandleAsync(HttpContext context, IScimResourceStore store, string id)
    {
        var projection = ScimQuery.Projection(context.Request);
        if (!projection.IsSuccess)
        {
            return new ScimErrorResult(projection.Error);
        }

        var expected = EntityTag.ExpectedVersion(context.Request);
        if (!expected.IsSuccess)
        {
            return new ScimErrorResult(expected.Error);
        }

        var body = await context.RequestServices.GetRequiredService<ScimBodyReader>().ReadObjectAsync(context.Request);
        if (!body.IsSuccess)
        {
            return new ScimErrorResult(body.Error);
        }

        var replaced = await store.ReplaceAsync(context.GetScimCaller(), id, body.Value!, expected.Value, context.RequestAborted);
        if (!replaced.IsSuccess)
        {
            return new ScimErrorResult(replaced.Error);
        }

        var resource = replaced.Value!;
        var renderer = context.RequestServices.GetRequiredService<ResourceRenderer>();
        return new ScimJsonResult(
            renderer.Render(context.Request, resource, store.ResourceType, projection.Value!),
            etag: EntityTag.Format(resource.Version));
    }
}
