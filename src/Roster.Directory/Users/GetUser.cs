using Roster.Directory.Database;
using Roster.Directory.Groups;
using Roster.Directory.Resources;
using Roster.Scim.Errors;

namespace Roster.Directory.Users;

/// <summary>GET /Users/{id}: the stored user with its read-only <c>groups</c> computed from memberships.</summary>
public sealed class GetUser(DirectoryDatabase database)
{
    public async Task<ScimResult<StoredResource>> ExecuteAsync(ScimCaller caller, string id, bool includeGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Guid.TryParse(id, out var key))
        {
            return ResourceErrors.NotFound(UserSql.ResourceType, id);
        }

        await using var session = await database.ReadAsync(caller.TenantId, cancellationToken);
        var row = await UserSql.ReadAsync(session, key, cancellationToken);
        if (row is null)
        {
            return ResourceErrors.NotFound(UserSql.ResourceType, id);
        }

        if (!includeGroups)
        {
            return ResourceDocuments.ToResource(row, UserSql.ResourceType);
        }

        var (groups, stream) = await Memberships.ForOneAsync(session, database, MembershipSide.GroupsOfUser, key, cancellationToken);
        return ResourceDocuments.ToResource(row, UserSql.ResourceType, "groups", groups) with { Streamed = stream };
    }
}
