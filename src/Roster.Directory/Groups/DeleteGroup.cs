using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
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
            var deleted = ScimDateTime.Truncate(time.GetUtcNow());
            await GroupSql.DeleteAsync(session, key, deleted, cancellationToken);
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
