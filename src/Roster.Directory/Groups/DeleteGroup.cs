using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Scim.Errors;

namespace Roster.Directory.Groups;

/// <summary>
/// DELETE /Groups/{id}: the group, its member rows and its rows as a member of other groups go
/// in one transaction; those other groups get a new version, since their members changed.
/// </summary>
public sealed class DeleteGroup(DirectoryDatabase database, TimeProvider time)
{
    public async Task<ScimResult<bool>> ExecuteAsync(ScimCaller caller, string id, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Guid.TryParse(id, out var key))
        {
            return ResourceErrors.NotFound(GroupSql.ResourceType, id);
        }

        return await database.WriteAsync<bool>(caller.TenantId, async session =>
        {
            // The group's row (not its members) is read so that the audit event says which group went.
            var row = await GroupSql.ReadAsync(session, key, cancellationToken);
            if (row is null)
            {
                return ResourceErrors.NotFound(GroupSql.ResourceType, id);
            }

            if (ResourceErrors.CheckVersion(GroupSql.ResourceType, id, expectedVersion, row.Version) is { } mismatch)
            {
                return mismatch;
            }

            // The rules above the group, read while its rows are still there: its people may lose their grants.
            var rulesAbove = await RoleRules.RoleRuleSql.ReadGroupRulesAboveAsync(session, key, cancellationToken);
            var parameters = session.Parameters();
            var group = parameters.Add(session.Dialect.Key(key));
            var deleted = ScimDateTime.Truncate(time.GetUtcNow());
            var now = parameters.Add(session.Dialect.Timestamp(deleted));
            var t = SqlParameters.Tenant;
            await session.ExecuteAsync(
                $"UPDATE groups SET version = version + 1, last_modified = {now} WHERE tenant_id = {t} " +
                $"AND id IN (SELECT gm.group_id FROM group_members AS gm WHERE gm.tenant_id = {t} AND gm.member_id = {group});" +
                $"DELETE FROM group_members WHERE tenant_id = {t} AND member_id = {group};" +
                $"DELETE FROM group_members WHERE tenant_id = {t} AND group_id = {group};" +
                $"DELETE FROM groups WHERE tenant_id = {t} AND id = {group};",
                parameters, cancellationToken);
            var columns = GroupColumns.From(JsonNode.Parse(row.Document)!.AsObject());
            if (columns.IsSuccess
                && await RoleGrants.GroupRoleEffects.ApplyAsync(session, caller, key, null, GroupIdentityChange.Deleted(columns.Value, rulesAbove), deleted, cancellationToken) is { } refused)
            {
                return refused;
            }

            var changes = AuditChanges.Diff(JsonNode.Parse(row.Document)!.AsObject(), null);
            await AuditTrail.AppendAsync(session, AuditEntry.For(caller, AuditActions.GroupDelete, AuditResourceTypes.Group, key, changes), deleted, cancellationToken);
            return true;
        }, cancellationToken);
    }
}
