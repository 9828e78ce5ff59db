using System.Data.Common;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Listing;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Listing;

namespace Roster.Directory.Groups;

/// <summary>
/// GET /Groups and POST /Groups/.search: filter, sort and page in the database. Members only when
/// the request's <c>attributes</c> names them (<see cref="ListQuery.IncludeMembers"/>), then at
/// most <see cref="DirectoryLimits.MaxMembersPerPage"/> of them in a page: the page ends before
/// the group that would pass the limit, and a first group that passes it alone has its members
/// streamed (<see cref="Memberships.ForPageAsync"/>).
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
            return await ListAsync(session, caller.Schemas.Group, query, cancellationToken);
        }
        catch (DbException e) when (session.Dialect.IsStatementTimeout(e))
        {
            return ResourceErrors.QueryTimedOut(database.Limits.QueryTimeout);
        }
    }

    private async Task<ScimResult<ResourcePage>> ListAsync(SqlSession session, Scim.Schemas.ResourceTypeDefinition type, ListQuery query, CancellationToken cancellationToken)
    {
        PageMemberships? members = null;
        var page = await _listing.ListAsync(
            session,
            ResourceTable.Groups,
            type,
            query,
            query.IncludeMembers ? async rows => (members = await Memberships.ForPageAsync(session, database, MembershipSide.MembersOfGroup, [.. rows.Select(r => r.Id)], cancellationToken)).Kept : null,
            cancellationToken);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var resources = page.Value.Rows.Select(r => members is null
            ? ResourceDocuments.ToResource(r, GroupSql.ResourceType)
            : ResourceDocuments.ToResource(r, GroupSql.ResourceType, "members", members.Values.GetValueOrDefault(r.Id)) with { Streamed = members.Stream }).ToList();
        return new ResourcePage(resources, page.Value.TotalResults, page.Value.StartIndex, page.Value.NextCursor);
    }
}
