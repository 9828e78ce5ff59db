using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Scim.Errors;

namespace Roster.Directory.Users;

/// <summary>
/// DELETE /Users/{id}: the user, its email keys and its memberships go in one transaction; the
/// groups it belonged to get a new version, since their members changed. Deleting someone needs
/// every permission they hold (<see cref="Roles.PrivilegeRules.Govern"/>).
/// </summary>
public sealed class DeleteUser(DirectoryDatabase database, TimeProvider time)
{
    public async Task<ScimResult<bool>> ExecuteAsync(ScimCaller caller, string id, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Guid.TryParse(id, out var key))
        {
            return ResourceErrors.NotFound(UserSql.ResourceType, id);
        }

        return await database.WriteAsync<bool>(caller.TenantId, async session =>
        {
            // The document is read (one row) so that the audit event says who was deleted.
            var row = await UserSql.ReadAsync(session, key, cancellationToken);
            if (row is null)
            {
                return ResourceErrors.NotFound(UserSql.ResourceType, id);
            }

            if (ResourceErrors.CheckVersion(UserSql.ResourceType, id, expectedVersion, row.Version) is { } mismatch)
            {
                return mismatch;
            }

            var document = JsonNode.Parse(row.Document)!.AsObject();
            if (await Roles.PersonGovernance.CheckAsync(session, caller.Permissions, key, document, Roles.PrivilegeRules.Credentials, cancellationToken) is { } refused)
            {
                return ScimError.Forbidden(refused.Detail);
            }

            var deleted = ScimDateTime.Truncate(time.GetUtcNow());
            await UserSql.DeleteAsync(session, key, deleted, cancellationToken);
            var changes = AuditChanges.Diff(document, null);
            await AuditTrail.AppendAsync(session, AuditEntry.For(caller, AuditActions.UserDelete, AuditResourceTypes.User, key, changes), deleted, cancellationToken);
            return true;
        }, cancellationToken);
    }
}
