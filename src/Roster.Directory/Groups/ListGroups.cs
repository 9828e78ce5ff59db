using System.Data.Common;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Listing;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Listing;
using Roster.Scim.Schemas;

namespace Roster.Directory.Groups;

/// <summary>
/// GET /Groups and POST /Groups/.search: filter, sort and page in the database; the members of
/// the whole page in one more query, or none at all when the projection excludes them.
/// </summary>
public sealed class ListGroups(DirectoryDatabase database, FilterSqlTranslator translator)
{
    private readonly ResourceListing _listing = new(translator, database.Listings);

    public async Task<ScimResult<ResourcePage>> ExecuteAsync(ScimCaller caller, ListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        await using var session = await database.SearchAsync(caller.TenantId, cancellationToken);
        try
        {
            return await ListAsync(session, query, cancellationToken);
        }
        catch (DbException e) when (session.Dialect.IsStatementTimeout(e))
        {
            return ResourceErrors.QueryTimedOut(database.Limits.QueryTimeout);
        }
    }

    private async Task<ScimResult<ResourcePage>> ListAsync(SqlSession session, ListQuery query, CancellationToken cancellationToken)
    {
        var page = await _listing.ListAsync(session, ResourceTable.Groups, ScimResourceTypes.Group, query, cancellationToken);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var rows = page.Value!.Rows;
        var members = query.IncludeMembers ? await GroupSql.MembersAsync(session, [.. rows.Select(r => r.Id)], cancellationToken) : [];
        var resources = rows.Select(r => ResourceDocuments.ToResource(r, GroupSql.ResourceType, "members", members.GetValueOrDefault(r.Id))).ToList();
        return new ResourcePage(resources, page.Value.TotalResults, page.Value.StartIndex, page.Value.NextCursor);
    }
}
