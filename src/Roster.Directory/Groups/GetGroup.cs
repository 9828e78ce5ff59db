using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Scim.Errors;

namespace Roster.Directory.Groups;

/// <summary>
/// GET /Groups/{id}; without members (<c>excludedAttributes=members</c>) no member row is read, and
/// a group with more members than one response holds has them streamed (<see cref="Memberships"/>).
/// </summary>
public sealed class GetGroup(DirectoryDatabase database)
{
    public async Task<ScimResult<StoredResource>> ExecuteAsync(ScimCaller caller, string id, bool includeMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Guid.TryParse(id, out var key))
        {
            return ResourceErrors.NotFound(GroupSql.ResourceType, id);
        }

        await using var session = await database.ReadAsync(caller.TenantId, cancellationToken);
        var row = await GroupSql.ReadAsync(session, key, cancellationToken);
        if (row is null)
        {
            return ResourceErrors.NotFound(GroupSql.ResourceType, id);
        }

        if (!includeMembers)
        {
            return ResourceDocuments.ToResource(row, GroupSql.ResourceType);
        }

        var (members, stream) = await Memberships.ForOneAsync(session, database, MembershipSide.MembersOfGroup, key, cancellationToken);
        return ResourceDocuments.ToResource(row, GroupSql.ResourceType, "members", members) with { Streamed = stream };
    }
}
