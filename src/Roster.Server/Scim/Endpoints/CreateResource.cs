using Roster.Directory.Resources;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>POST /{Resources} (RFC 7644 section 3.3): 201 with the resource, Location and ETag.</summary>
public static class CreateResource
{
    public static async Task<IResult> HandleAsync(HttpContext context, IScimResourceStore store, ScimBodyReader reader, ResourceRenderer renderer)
    {
        var read = await ScimWriteRequest.ReadAsync(context, reader);
        if (!read.IsSuccess)
        {
            return new ScimErrorResult(read.Error);
        }

        var request = read.Value;

        var created = await store.CreateAsync(context.GetScimCaller(), request.Body, context.RequestAborted);
        if (!created.IsSuccess)
        {
            return new ScimErrorResult(created.Error);
        }

        var resource = created.Value;
        return new ScimJsonResult(
            renderer.Render(context.Request, resource, store.ResourceType, request.Projection),
            StatusCodes.Status201Created,
            EntityTag.Format(resource.Version),
            renderer.Location(context.Request, resource, store.ResourceType));
    }
}
