using Roster.Directory.Resources;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>PUT /{Resources}/{id} (RFC 7644 section 3.5.1), honouring <c>If-Match</c>.</summary>
public static class ReplaceResource
{
    public static async Task<IResult> HandleAsync(HttpContext context, IScimResourceStore store, string id, ScimBodyReader reader, ResourceRenderer renderer)
    {
        var read = await ScimWriteRequest.ReadAsync(context, reader);
        if (!read.IsSuccess)
        {
            return new ScimErrorResult(read.Error);
        }

        var request = read.Value;

        var replaced = await store.ReplaceAsync(context.GetScimCaller(), id, request.Body, request.ExpectedVersion, context.RequestAborted);
        if (!replaced.IsSuccess)
        {
            return new ScimErrorResult(replaced.Error);
        }

        var resource = replaced.Value;
        return new ScimJsonResult(
            renderer.Render(context.Request, resource, store.ResourceType, request.Projection),
            etag: EntityTag.Format(resource.Version));
    }
}
