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
/// POST /Groups. displayName is required but not unique: RFC 7643 gives it no uniqueness and
/// IdPs (Entra ID, Okta) can push two groups with the same name. Members in the body become
/// membership rows; each must be a user or group of the tenant.
/// </summary>
public sealed class CreateGroup(DirectoryDatabase database, TimeProvider time, FilterSqlTranslator translator)
{
    public async Task<ScimResult<StoredResource>> ExecuteAsync(ScimCaller caller, JsonObject body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var normalized = ResourceNormalizer.Normalize(body, caller.Schemas.Group, ResourceWriteMode.Create);
        if (!normalized.IsSuccess)
        {
            return normalized.Error;
        }

        var members = GroupColumns.Members(normalized.Value);
        if (!members.IsSuccess)
        {
            return members.Error;
        }

        var id = Guid.CreateVersion7();
        var document = ResourceDocuments.ForStorage(normalized.Value, id);
        var columns = GroupColumns.From(document);
        if (!columns.IsSuccess)
        {
            return columns.Error;
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());
        var json = document.ToJsonString();
        var created = await database.WriteAsync<StoredResource>(caller.TenantId, async session =>
        {
            if (await SchemaExtensions.ExtensionUniqueness.CheckAsync(session, caller.Schemas, caller.Schemas.Group, ResourceTable.Groups, id, document, cancellationToken) is { } notUnique)
            {
                return notUnique;
            }

            await GroupSql.InsertAsync(session, id, columns.Value, now, json, cancellationToken);
            var membership = new GroupMembers(session, id, translator);
            if (await membership.AddAsync(members.Value, cancellationToken) is { } error)
            {
                return error;
            }

            if (await GroupRoleEffects.ApplyAsync(session, caller, id, membership.Diff, GroupIdentityChange.Created(columns.Value), now, cancellationToken) is { } refused)
            {
                return refused;
            }

            var changes = AuditChanges.WithMembers(AuditChanges.Diff(null, document), membership.Diff);
            var entry = AuditEntry.For(caller, AuditActions.GroupCreate, AuditResourceTypes.Group, id, changes) with { After = new ResourceRow(id, 1, now, now, json), Members = membership.Diff };
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);

            return ResourceDocuments.ToResource(document, new ResourceRow(id, 1, now, now, json), GroupSql.ResourceType);
        }, cancellationToken);

        // Read back after the write's transaction, so the answer shows each member's type and display.
        return created.IsSuccess && members.Value.Count > 0
            ? await Memberships.AddToAsync(database, caller.TenantId, MembershipSide.MembersOfGroup, id, created.Value, cancellationToken)
            : created;
    }
}
