using Roster.Directory.Resources;
using Roster.Server.Hosting;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>POST /{Resources}/.search (RFC 7644 section 3.4.3): a list request in a body.</summary>
public static class SearchResources
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, IScimResourceStore store, ScimBodyReader reader, RequestLimitsOptions limits, ResourceRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var body = await reader.ReadObjectAsync(context.Request);
        if (!body.IsSuccess)
        {
            return new ScimErrorResult(body.Error);
        }

        var request = ScimQuery.Search(body.Value, limits);
        return request.IsSuccess
            ? await ListResources.RunAsync(context, store, renderer, request.Value.Query, request.Value.Projection)
            : new ScimErrorResult(request.Error);
    }
}
