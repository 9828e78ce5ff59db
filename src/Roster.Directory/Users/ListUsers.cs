using System.Data.Common;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Groups;
using Roster.Directory.Listing;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Listing;

namespace Roster.Directory.Users;

/// <summary>
/// GET /Users and POST /Users/.search: filter, sort and page in the database; the page's groups in
/// one more query, at most <see cref="DirectoryLimits.MaxMembersPerPage"/> of them: the page ends
/// before the user that would pass the limit (<see cref="Memberships.ForPageAsync"/>).
/// </summary>
public sealed class ListUsers(DirectoryDatabase database, FilterSqlTranslator translator)
{
    private readonly ResourceListing _listing = new(translator, database.Listings);

    public async Task<ScimResult<ResourcePage>> ExecuteAsync(ScimCaller caller, ListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        await using var session = await database.SearchAsync(caller.TenantId, cancellationToken);
        try
        {
            return await ListAsync(session, caller.Schemas.User, query, cancellationToken);
        }
        catch (DbException e) when (session.Dialect.IsStatementTimeout(e))
        {
            return ResourceErrors.QueryTimedOut(database.Limits.QueryTimeout);
        }
    }

    private async Task<ScimResult<ResourcePage>> ListAsync(SqlSession session, Scim.Schemas.ResourceTypeDefinition type, ListQuery query, CancellationToken cancellationToken)
    {
        PageMemberships? groups = null;
        var page = await _listing.ListAsync(
            session,
            ResourceTable.Users,
            type,
            query,
            query.IncludeGroups ? async rows => (groups = await Memberships.ForPageAsync(session, database, MembershipSide.GroupsOfUser, [.. rows.Select(r => r.Id)], cancellationToken)).Kept : null,
            cancellationToken);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var resources = page.Value.Rows.Select(r => groups is null
            ? ResourceDocuments.ToResource(r, UserSql.ResourceType)
            : ResourceDocuments.ToResource(r, UserSql.ResourceType, "groups", groups.Values.GetValueOrDefault(r.Id)) with { Streamed = groups.Stream }).ToList();
        return new ResourcePage(resources, page.Value.TotalResults, page.Value.StartIndex, page.Value.NextCursor);
    }
}
