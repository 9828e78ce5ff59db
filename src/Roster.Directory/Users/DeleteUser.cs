using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Scim.Errors;

namespace Roster.Directory.Users;

/// <summary>
/// DELETE /Users/{id}: the user, its email keys and its memberships go in one transaction; the
/// groups it belonged to get a new version, since their members changed.
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

            var parameters = session.Parameters();
            var user = parameters.Add(session.Dialect.Key(key));
            var deleted = ScimDateTime.Truncate(time.GetUtcNow());
            var now = parameters.Add(session.Dialect.Timestamp(deleted));
            await session.ExecuteAsync(
                $"UPDATE groups SET version = version + 1, last_modified = {now} WHERE tenant_id = {SqlParameters.Tenant} " +
                $"AND id IN (SELECT gm.group_id FROM group_members AS gm WHERE gm.tenant_id = {SqlParameters.Tenant} AND gm.member_id = {user});" +
                $"DELETE FROM group_members WHERE tenant_id = {SqlParameters.Tenant} AND member_id = {user};" +
                $"DELETE FROM user_emails WHERE tenant_id = {SqlParameters.Tenant} AND user_id = {user};" +
                $"DELETE FROM users WHERE tenant_id = {SqlParameters.Tenant} AND id = {user};",
                parameters, cancellationToken);
            var changes = AuditChanges.Diff(JsonNode.Parse(row.Document)!.AsObject(), null);
            await AuditTrail.AppendAsync(session, AuditEntry.For(caller, AuditActions.UserDelete, AuditResourceTypes.User, key, changes), deleted, cancellationToken);
            return true;
        }, cancellationToken);
    }
}
