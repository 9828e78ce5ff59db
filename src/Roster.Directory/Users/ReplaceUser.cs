using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Resources;

namespace Roster.Directory.Users;

/// <summary>
/// PUT /Users/{id} (RFC 7644 section 3.5.1): the body replaces the user's attributes, except
/// read-only and set immutable ones (<see cref="ResourceReplacement"/>), merged before the write
/// gate (<see cref="UserUpdate.ApplyAsync"/>). Okta sends PUT where PATCH would do, with the whole
/// user each time.
/// </summary>
public sealed class ReplaceUser(DirectoryDatabase database, TimeProvider time)
{
    public async Task<ScimResult<StoredResource>> ExecuteAsync(ScimCaller caller, string id, JsonObject body, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Guid.TryParse(id, out var key))
        {
            return ResourceErrors.NotFound(UserSql.ResourceType, id);
        }

        var normalized = ResourceNormalizer.Normalize(body, caller.Schemas.User, ResourceWriteMode.Replace);
        if (!normalized.IsSuccess)
        {
            return normalized.Error;
        }

        return await UserUpdate.ApplyAsync(database, caller, key, id, expectedVersion, row =>
        {
            var stored = ResourceDocuments.Parse(row, UserSql.ResourceType);
            var merged = ResourceReplacement.Merge(stored, normalized.Value, caller.Schemas.User);
            return merged.IsSuccess ? (stored, merged.Value) : merged.Error;
        }, time, includeGroups: true, cancellationToken);
    }
}
