using Roster.Directory.Resources;
using Roster.Scim.Patching;
using Roster.Scim.Schemas;
using Roster.Server.Hosting;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>
/// PATCH /{Resources}/{id} (RFC 7644 section 3.5.2). Users answer 200 with the resource. Groups
/// answer 204 unless the request asks for attributes, so a membership change on a group of
/// 100,000 members never reads its member list back; when it does, the members are read after the
/// write's transaction, and streamed when there are more than a response holds.
/// </summary>
public static class PatchResource
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, IScimResourceStore store, string id, ScimBodyReader reader, RequestLimitsOptions limits, ResourceRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var read = await ScimWriteRequest.ReadAsync(context, reader);
        if (!read.IsSuccess)
        {
            return new ScimErrorResult(read.Error);
        }

        var request = read.Value;

        var operations = PatchRequestReader.Read(request.Body, limits.MaxPatchOperations);
        if (!operations.IsSuccess)
        {
            return new ScimErrorResult(operations.Error);
        }

        var isGroup = store.ResourceType.Name == ScimResourceTypes.Group.Name;
        var wantsBody = !isGroup || ScimQuery.AsksForAttributes(context.Request);
        var patched = await store.PatchAsync(
            context.GetScimCaller(),
            id,
            operations.Value,
            request.ExpectedVersion,
            includeMembers: wantsBody && request.Projection.MayReturn(ResourceRenderer.DerivedAttribute(store.ResourceType)),
            context.RequestAborted);
        if (!patched.IsSuccess)
        {
            return new ScimErrorResult(patched.Error);
        }

        var resource = patched.Value;
        var etag = EntityTag.Format(resource.Version);
        if (!wantsBody)
        {
            context.Response.Headers.ETag = etag;
            return Results.NoContent();
        }

        return new ScimJsonResult(renderer.Render(context.Request, resource, store.ResourceType, request.Projection), etag: etag);
    }
}
