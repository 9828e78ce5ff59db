using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Scim.Errors;
using Roster.Scim.Patching;
using Roster.Scim.Schemas;

namespace Roster.Directory.Groups;

/// <summary>
/// PATCH /Groups/{id}. <see cref="GroupMembershipPatch"/> splits the request: membership
/// changes become row inserts and deletes, the rest goes through <see cref="PatchEngine"/> on
/// the document. A request that only adds or removes members (what Okta and Entra ID send for
/// group pushes) never reads the member list or the document before writing: one UPDATE of the
/// group's version, then one statement per member and the audit event (whose added and removed
/// ids come from what those statements changed), in one transaction.
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

        return await database.WriteAsync<StoredResource>(caller.TenantId, async session =>
        {
            var now = ScimDateTime.Truncate(time.GetUtcNow());
            JsonObject? document = null;
            JsonObject? previous = null;
            ResourceRow? row;
            if (plan.Value!.AttributeOperations.Count > 0)
            {
                var changed = await PatchAttributesAsync(session, key, id, plan.Value.AttributeOperations, expectedVersion, now, cancellationToken);
                if (!changed.IsSuccess)
                {
                    return changed.Error;
                }

                (row, previous, document) = changed.Value;
            }
            else
            {
                row = await GroupSql.TouchAsync(session, key, expectedVersion, now, cancellationToken);
                if (row is null)
                {
                    var version = await GroupSql.VersionAsync(session, key, cancellationToken);
                    return version is null
                        ? ResourceErrors.NotFound(GroupSql.ResourceType, id)
                        : ResourceErrors.VersionMismatch(GroupSql.ResourceType, id, expectedVersion!.Value, version.Value);
                }
            }

            var membership = new GroupMembers(session, key, translator);
            if (await membership.ApplyAsync(plan.Value.MembershipChanges, cancellationToken) is { } error)
            {
                return error;
            }

            var changes = AuditChanges.WithMembers(document is null ? [] : AuditChanges.Diff(previous, document), membership.Diff);
            var action = Action(document is not null, plan.Value.MembershipChanges);
            await AuditTrail.AppendAsync(session, AuditEntry.For(caller, action, AuditResourceTypes.Group, key, changes) with { After = row, Members = membership.Diff }, now, cancellationToken);

            var members = includeMembers ? await GroupSql.MembersAsync(session, [key], cancellationToken) : null;
            return document is null
                ? ResourceDocuments.ToResource(row!, GroupSql.ResourceType, "members", members?.GetValueOrDefault(key))
                : ResourceDocuments.ToResource(document, row!, GroupSql.ResourceType, "members", members?.GetValueOrDefault(key));
        }, cancellationToken);
    }

    // Named after what was asked, so that adding a member already present is still a members.add.
    private static string Action(bool attributesChanged, IReadOnlyList<MembershipChange> changes) =>
        attributesChanged || changes.Count == 0 ? AuditActions.GroupUpdate
        : changes.All(c => c is AddMembers) ? AuditActions.GroupMembersAdd
        : changes.All(c => c is RemoveMembers or RemoveMembersMatching) ? AuditActions.GroupMembersRemove
        : AuditActions.GroupUpdate;

    private static async Task<ScimResult<(ResourceRow Row, JsonObject Previous, JsonObject Document)>> PatchAttributesAsync(
        SqlSession session, Guid key, string id, IReadOnlyList<PatchOperation> operations, long? expectedVersion, DateTimeOffset now, CancellationToken cancellationToken)
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

        var previous = JsonNode.Parse(row.Document)!.AsObject();
        var patched = PatchEngine.Apply(previous, operations, ScimResourceTypes.Group);
        if (!patched.IsSuccess)
        {
            return patched.Error;
        }

        var document = ResourceDocuments.ForStorage(patched.Value!, key);
        var columns = GroupColumns.From(document);
        if (!columns.IsSuccess)
        {
            return columns.Error;
        }

        var json = document.ToJsonString();
        await GroupSql.UpdateAsync(session, key, columns.Value!, now, row.Version + 1, json, cancellationToken);
        return (row with { Version = row.Version + 1, LastModified = now, Document = json }, previous, document);
    }
}
