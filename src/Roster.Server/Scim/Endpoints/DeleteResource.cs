using Roster.Directory.Resources;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>DELETE /{Resources}/{id} (RFC 7644 section 3.6): 204, then 404 for that id.</summary>
public static class DeleteResource
{
    public static async Task<IResult> HandleAsync(HttpContext context, IScimResourceStore store, string id)
    {
        var expected = EntityTag.ExpectedVersion(context.Request);
        if (!expected.IsSuccess)
        {
            return new ScimErrorResult(expected.Error);
        }

        var deleted = await store.DeleteAsync(context.GetScimCaller(), id, expected.Value, context.RequestAborted);
        return deleted.IsSuccess ? Results.NoContent() : new ScimErrorResult(deleted.Error);
    }
}
