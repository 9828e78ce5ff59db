using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Patching;
using Roster.Scim.Schemas;

namespace Roster.Directory.Users;

/// <summary>
/// PATCH /Users/{id} (RFC 7644 section 3.5.2): <see cref="PatchEngine"/> on the stored document,
/// read and written in one transaction inside the write gate, so concurrent PATCHes apply one
/// after the other. Entra ID deactivates users this way (<c>replace active false</c>).
/// </summary>
public sealed class PatchUser(DirectoryDatabase database, TimeProvider time)
{
    public async Task<ScimResult<StoredResource>> ExecuteAsync(
        ScimCaller caller, string id, IReadOnlyList<PatchOperation> operations, long? expectedVersion, bool includeGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Guid.TryParse(id, out var key))
        {
            return ResourceErrors.NotFound(UserSql.ResourceType, id);
        }

        return await database.WriteAsync<StoredResource>(caller.TenantId, async session =>
        {
            var row = await UserSql.ReadAsync(session, key, cancellationToken);
            if (row is null)
            {
                return ResourceErrors.NotFound(UserSql.ResourceType, id);
            }

            if (ResourceErrors.CheckVersion(UserSql.ResourceType, id, expectedVersion, row.Version) is { } mismatch)
            {
                return mismatch;
            }

            var stored = JsonNode.Parse(row.Document)!.AsObject();
            var patched = PatchEngine.Apply(stored, operations, ScimResourceTypes.User);
            if (!patched.IsSuccess)
            {
                return patched.Error;
            }

            return await UserUpdate.WriteAsync(session, caller, row, stored, patched.Value!, time, includeGroups, cancellationToken);
        }, cancellationToken);
    }
}
