using Microsoft.Extensions.Options;
using Roster.Directory;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Server.Hosting;
using Roster.Server.Scim.Http;

namespace Roster.Server.Scim.Endpoints;

/// <summary>
/// POST /.search on the service root (RFC 7644 section 3.4.3): Users then Groups as one list.
/// A filter attribute that only one resource type defines matches nothing of the other type.
/// </summary>
public static class SearchRoot
{
    public static async Task<IResult> HandleAsync(
        HttpContext context,
        [FromKeyedServices(DirectoryServiceCollectionExtensions.UsersKey)] IScimResourceStore users,
        [FromKeyedServices(DirectoryServiceCollectionExtensions.GroupsKey)] IScimResourceStore groups,
        ScimBodyReader reader,
        IOptions<RequestLimitsOptions> limits,
        ResourceRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(renderer);
        var body = await reader.ReadObjectAsync(context.Request);
        if (!body.IsSuccess)
        {
            return new ScimErrorResult(body.Error);
        }

        var request = ScimQuery.Search(body.Value, limits.Value);
        if (!request.IsSuccess)
        {
            return new ScimErrorResult(request.Error);
        }

        var (query, projection) = request.Value;
        if (query.Cursor is not null)
        {
            return new ScimErrorResult(ScimError.InvalidValue("Cursor paging is offered on /Users and /Groups, not on the root search."));
        }

        var caller = context.GetScimCaller();
        IScimResourceStore[] stores = [users, groups];
        var totals = new int[stores.Length];
        ScimError? lastError = null;
        for (var i = 0; i < stores.Length; i++)
        {
            var counted = await stores[i].ListAsync(caller, query with { Count = 0, StartIndex = 1 }, context.RequestAborted);
            if (counted.IsSuccess)
            {
                totals[i] = counted.Value.TotalResults;
            }
            else if (counted.Error.ScimType == ScimErrorTypes.InvalidFilter)
            {
                totals[i] = -1;
                lastError = counted.Error;
            }
            else
            {
                return new ScimErrorResult(counted.Error);
            }
        }

        if (totals.All(t => t < 0))
        {
            return new ScimErrorResult(lastError!);
        }

        var resources = new List<RenderedResource>();
        var offset = query.StartIndex - 1;
        var remaining = query.Count;
        for (var i = 0; i < stores.Length && remaining > 0; i++)
        {
            var total = Math.Max(totals[i], 0);
            if (offset >= total)
            {
                offset -= total;
                continue;
            }

            var page = await stores[i].ListAsync(caller, query with { StartIndex = offset + 1, Count = remaining }, context.RequestAborted);
            if (!page.IsSuccess)
            {
                return new ScimErrorResult(page.Error);
            }

            resources.AddRange(page.Value.Resources.Select(r => renderer.Render(context.Request, r, stores[i].ResourceType, projection)));
            var expected = Math.Min(remaining, total - offset);
            remaining -= page.Value.Resources.Count;
            offset = 0;
            if (page.Value.Resources.Count < expected)
            {
                // The page ended early (its memberships would not fit one response): the next
                // page, at startIndex + itemsPerPage, goes on from there.
                break;
            }
        }

        var sum = totals.Sum(t => Math.Max(t, 0));
        return new ScimJsonResult(
            ListResponseDocument.Create(query, sum, query.StartIndex, [.. resources.Select(r => r.Document)], null, null),
            streamed: [.. resources.Select(r => r.Streamed).OfType<StreamedValues>()]);
    }
}
