using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Directory.RoleGrants;
using Roster.Scim.Errors;
using Roster.Scim.Resources;

namespace Roster.Directory.Groups;

/// <summary>
/// PUT /Groups/{id} (RFC 7644 section 3.5.1): the body replaces the group, members included; a
/// body without members leaves the group with none.
/// </summary>
public sealed class ReplaceGroup(DirectoryDatabase database, TimeProvider time, FilterSqlTranslator translator)
{
    public async Task<ScimResult<StoredResource>> ExecuteAsync(ScimCaller caller, string id, JsonObject body, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Guid.TryParse(id, out var key))
        {
            return ResourceErrors.NotFound(GroupSql.ResourceType, id);
        }

        var normalized = ResourceNormalizer.Normalize(body, caller.Schemas.Group, ResourceWriteMode.Replace);
        if (!normalized.IsSuccess)
        {
            return normalized.Error;
        }

        var replaced = await database.WriteAsync<StoredResource>(caller.TenantId, async session =>
        {
            var row = await GroupSql.ReadAsync(session, key, cancellationToken);
            if (row is null)
            {
                return ResourceErrors.NotFound(GroupSql.ResourceType, id);
            }

            if (ResourceErrors.CheckVersion(GroupSql.ResourceType, id, expectedVersion, row.Version) is { } mismatch)
            {
                return mismatch;
            }

            var stored = ResourceDocuments.Parse(row, GroupSql.ResourceType);
            var merged = ResourceReplacement.Merge(stored, normalized.Value, caller.Schemas.Group);
            if (!merged.IsSuccess)
            {
                return merged.Error;
            }

            var members = GroupColumns.Members(merged.Value);
            if (!members.IsSuccess)
            {
                return members.Error;
            }

            var document = ResourceDocuments.ForStorage(merged.Value, key);
            var columns = GroupColumns.From(document);
            if (!columns.IsSuccess)
            {
                return columns.Error;
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var json = document.ToJsonString();
            if (await SchemaExtensions.ExtensionUniqueness.CheckAsync(session, caller.Schemas, caller.Schemas.Group, ResourceTable.Groups, key, document, cancellationToken) is { } notUnique)
            {
                return notUnique;
            }

            var before = GroupColumns.From(stored) is { IsSuccess: true } read ? read.Value : null;
            await GroupSql.UpdateAsync(session, key, before, columns.Value, now, row.Version + 1, json, cancellationToken);
            var membership = new GroupMembers(session, key, translator);
            if (await membership.ReplaceAsync(members.Value, cancellationToken) is { } error)
            {
                return error;
            }

            var identity = before is not null ? GroupIdentityChange.Changed(before, columns.Value) : null;
            if (await GroupRoleEffects.ApplyAsync(session, caller, key, membership.Diff, identity, now, cancellationToken) is { } refused)
            {
                return refused;
            }

            var changes = AuditChanges.WithMembers(AuditChanges.Diff(stored, document), membership.Diff);
            var entry = AuditEntry.For(caller, AuditActions.GroupUpdate, AuditResourceTypes.Group, key, changes)
                with
            { After = row with { Version = row.Version + 1, LastModified = now, Document = json }, Members = membership.Diff };
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);

            return ResourceDocuments.ToResource(document, row with { Version = row.Version + 1, LastModified = now, Document = json }, GroupSql.ResourceType);
        }, cancellationToken);

        // Read back after the write's transaction, so the answer shows each member's type and display.
        return replaced.IsSuccess
            ? await Memberships.AddToAsync(database, caller.TenantId, MembershipSide.MembersOfGroup, key, replaced.Value, cancellationToken)
            : replaced;
    }
}
