using Roster.Directory.Resources;
using Roster.Scim.Listing;
using Roster.Scim.Projection;
using Roster.Server.Hosting;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>GET /{Resources} with filter, sort and paging (RFC 7644 section 3.4.2).</summary>
public static class ListResources
{
    public static Task<IResult> HandleAsync(HttpContext context, IScimResourceStore store, RequestLimitsOptions limits, ResourceRenderer renderer)
    {
        var request = ScimQuery.List(context.Request, limits);
        return request.IsSuccess
            ? RunAsync(context, store, renderer, request.Value.Query, request.Value.Projection)
            : Task.FromResult<IResult>(new ScimErrorResult(request.Error));
    }

    internal static async Task<IResult> RunAsync(
        HttpContext context, IScimResourceStore store, ResourceRenderer renderer, ListQuery query, AttributeProjection projection)
    {
        var page = await store.ListAsync(context.GetScimCaller(), query, context.RequestAborted);
        if (!page.IsSuccess)
        {
            return new ScimErrorResult(page.Error);
        }

        var resources = page.Value.Resources
            .Select(r => renderer.Render(context.Request, r, store.ResourceType, projection))
            .ToList();
        return new ScimJsonResult(
            ListResponseDocument.Create(
                query, page.Value.TotalResults, page.Value.StartIndex, [.. resources.Select(r => r.Document)], page.Value.NextCursor, page.Value.PreviousCursor),
            streamed: [.. resources.Select(r => r.Streamed).OfType<StreamedValues>()]);
    }
}
