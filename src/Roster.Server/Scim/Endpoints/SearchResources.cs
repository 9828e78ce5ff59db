using Roster.Directory.Resources;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>POST /{Resources}/.search (RFC 7644 section 3.4.3): a list request in a body.</summary>
public static class SearchResources
{
    public static async Task<IResult> HandleAsync(HttpContext context, IScimResourceStore store)
    {
        var body = await context.RequestServices.GetRequiredService<ScimBodyReader>().ReadObjectAsync(context.Request);
        if (!body.IsSuccess)
        {
            return new ScimErrorResult(body.Error);
        }

        var request = ScimQuery.Search(context.Request, body.Value);
        return request.IsSuccess
            ? await ListResources.RunAsync(context, store, request.Value.Query, request.Value.Projection)
            : new ScimErrorResult(request.Error);
    }
}
