using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Patching;

namespace Roster.Directory.Users;

/// <summary>
/// PATCH /Users/{id} (RFC 7644 section 3.5.2): <see cref="PatchEngine"/> on the stored document,
/// computed before the write gate and stored if the user did not change meanwhile
/// (<see cref="UserUpdate.ApplyAsync"/>), so concurrent PATCHes apply one after the other and
/// none of them holds SQLite's single writer while it computes. Entra ID deactivates users this way
/// (<c>replace active false</c>).
/// </summary>
public sealed class PatchUser(DirectoryDatabase database, TimeProvider time)
{
    public Task<ScimResult<StoredResource>> ExecuteAsync(
        ScimCaller caller, string id, IReadOnlyList<PatchOperation> operations, long? expectedVersion, bool includeGroups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Guid.TryParse(id, out var key))
        {
            return Task.FromResult<ScimResult<StoredResource>>(ResourceErrors.NotFound(UserSql.ResourceType, id));
        }

        return UserUpdate.ApplyAsync(database, caller, key, id, expectedVersion, row =>
        {
            var stored = JsonNode.Parse(row.Document)!.AsObject();
            var patched = PatchEngine.Apply(stored, operations, caller.Schemas.User);
            return patched.IsSuccess ? (stored, patched.Value) : patched.Error;
        }, time, includeGroups, cancellationToken);
    }
}
