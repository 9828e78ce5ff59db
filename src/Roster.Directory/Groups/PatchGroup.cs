using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Directory.RoleGrants;
using Roster.Scim.Errors;
using Roster.Scim.Patching;

namespace Roster.Directory.Groups;

/// <summary>
/// PATCH /Groups/{id}. <see cref="GroupMembershipPatch"/> splits the request: membership
/// changes become row inserts and deletes, the rest goes through <see cref="PatchEngine"/> on
/// the document. A request that only adds or removes members (what Okta and Entra ID send for
/// group pushes) never reads the member list or the document before writing: one UPDATE of the
/// group's version, then one statement per member and the audit event (whose added and removed
/// ids come from what those statements changed), in one transaction. Attribute operations are
/// applied to the document before the write gate and stored if the document did not change
/// meanwhile, else applied again (at most <see cref="DirectoryDatabase.WriteAttempts"/> times): membership
/// changes leave the document alone, so concurrent member PATCHes never make a rename start over,
/// and none loses a member.
/// </summary>
public sealed class PatchGroup(DirectoryDatabase database, TimeProvider time, FilterSqlTranslator translator)
{
    public async Task<ScimResult<StoredResource>> ExecuteAsync(
        ScimCaller caller, string id, IReadOnlyList<PatchOperation> operations, long? expectedVersion, bool includeMembers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!Guid.TryParse(id, out var key))
        {
            return ResourceErrors.NotFound(GroupSql.ResourceType, id);
        }

        var plan = GroupMembershipPatch.Split(operations);
        if (!plan.IsSuccess)
        {
            return plan.Error;
        }

        for (var attempt = 0; attempt < DirectoryDatabase.WriteAttempts; attempt++)
        {
            PatchedDocument? patched = null;
            if (plan.Value.AttributeOperations.Count > 0)
            {
                var computed = await PatchAttributesAsync(caller, key, id, plan.Value.AttributeOperations, expectedVersion, cancellationToken);
                if (!computed.IsSuccess)
                {
                    return computed.Error;
                }

                patched = computed.Value;
            }

            await using var session = await database.WriteAsync(caller.TenantId, cancellationToken);
            var now = ScimDateTime.Truncate(time.GetUtcNow());
            ResourceRow row;
            MembershipWrite? touched = null;
            LeadingMemberChange? leading = null;
            if (patched is not null)
            {
                var current = await GroupSql.ReadAsync(session, key, cancellationToken);
                if (current is null)
                {
                    return ResourceErrors.NotFound(GroupSql.ResourceType, id);
                }

                if (!string.Equals(current.Document, patched.Read.Document, StringComparison.Ordinal))
                {
                    // Another write changed the document since it was read: apply the operations again.
                    continue;
                }

                if (ResourceErrors.CheckVersion(GroupSql.ResourceType, id, expectedVersion, current.Version) is { } moved)
                {
                    return moved;
                }

                if (await SchemaExtensions.ExtensionUniqueness.CheckAsync(session, caller.Schemas, caller.Schemas.Group, ResourceTable.Groups, key, patched.Document, cancellationToken) is { } notUnique)
                {
                    return notUnique;
                }

                var before = GroupColumns.From(patched.Previous) is { IsSuccess: true } read ? read.Value : null;
                await GroupSql.UpdateAsync(session, key, before, patched.Columns, now, current.Version + 1, patched.Json, cancellationToken);
                row = current with { Version = current.Version + 1, LastModified = now, Document = patched.Json };
            }
            else
            {
                // The version, the groups above, the rules reaching the group and the first change of its members, in one round trip.
                leading = LeadingMemberChange.For(plan.Value.MembershipChanges, key);
                touched = await GroupSql.TouchForMembersAsync(
                    session, key, expectedVersion, now, plan.Value.MembershipChanges.Any(c => c is AddMembers or ReplaceMembers), leading, cancellationToken);
                if (touched is null)
                {
                    var version = await GroupSql.VersionAsync(session, key, cancellationToken);
                    return version is null
                        ? ResourceErrors.NotFound(GroupSql.ResourceType, id)
                        : ResourceErrors.VersionMismatch(GroupSql.ResourceType, id, expectedVersion!.Value, version.Value);
                }

                row = touched.Row;
            }

            var membership = new GroupMembers(session, key, translator, touched?.Above);
            if (await membership.ApplyAsync(plan.Value.MembershipChanges, leading, cancellationToken) is { } error)
            {
                return error;
            }

            var identity = patched is not null && GroupColumns.From(patched.Previous) is { IsSuccess: true } old
                ? GroupIdentityChange.Changed(old.Value, patched.Columns)
                : null;
            if (await GroupRoleEffects.ApplyAsync(session, caller, key, membership.Diff, identity, now, cancellationToken, touched?.RulesAbove) is { } refused)
            {
                return refused;
            }

            var changes = AuditChanges.WithMembers(patched is null ? [] : AuditChanges.Diff(patched.Previous, patched.Document), membership.Diff);
            var action = Action(patched is not null, plan.Value.MembershipChanges);
            await AuditTrail.AppendAsync(session, AuditEntry.For(caller, action, AuditResourceTypes.Group, key, changes) with { After = row, Members = membership.Diff }, now, cancellationToken);

            await session.CommitAsync(cancellationToken);
            var group = patched is null
                ? ResourceDocuments.ToResource(row, GroupSql.ResourceType)
                : ResourceDocuments.ToResource(patched.Document, row, GroupSql.ResourceType);
            return includeMembers
                ? await Memberships.AddToAsync(database, caller.TenantId, MembershipSide.MembersOfGroup, key, group, cancellationToken)
                : group;
        }

        return ResourceErrors.ChangedMeanwhile(GroupSql.ResourceType, id, DirectoryDatabase.WriteAttempts);
    }

    // Named after what was asked, so that adding a member already present is still a members.add.
    private static string Action(bool attributesChanged, IReadOnlyList<MembershipChange> changes) =>
        attributesChanged || changes.Count == 0 ? AuditActions.GroupUpdate
        : changes.All(c => c is AddMembers) ? AuditActions.GroupMembersAdd
        : changes.All(c => c is RemoveMembers or RemoveMembersMatching) ? AuditActions.GroupMembersRemove
        : AuditActions.GroupUpdate;

    /// <summary>The group as read outside the write gate, and its document with the attribute operations applied.</summary>
    private async Task<ScimResult<PatchedDocument>> PatchAttributesAsync(
        ScimCaller caller, Guid key, string id, IReadOnlyList<PatchOperation> operations, long? expectedVersion, CancellationToken cancellationToken)
    {
        ResourceRow? row;
        await using (var session = await database.ReadAsync(caller.TenantId, cancellationToken))
        {
            row = await GroupSql.ReadAsync(session, key, cancellationToken);
        }

        if (row is null)
        {
            return ResourceErrors.NotFound(GroupSql.ResourceType, id);
        }

        if (ResourceErrors.CheckVersion(GroupSql.ResourceType, id, expectedVersion, row.Version) is { } mismatch)
        {
            return mismatch;
        }

        var previous = JsonNode.Parse(row.Document)!.AsObject();
        var patched = PatchEngine.Apply(previous, operations, caller.Schemas.Group);
        if (!patched.IsSuccess)
        {
            return patched.Error;
        }

        var document = ResourceDocuments.ForStorage(patched.Value, key);
        var columns = GroupColumns.From(document);
        if (!columns.IsSuccess)
        {
            return columns.Error;
        }

        return new PatchedDocument(row, previous, document, columns.Value, document.ToJsonString());
    }

    private sealed record PatchedDocument(ResourceRow Read, JsonObject Previous, JsonObject Document, GroupColumns Columns, string Json);
}
