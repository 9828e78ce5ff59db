using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;
using Roster.Scim.Schemas;

namespace Roster.Directory.SchemaExtensions;

/// <summary>
/// Replaces or deletes a tenant's extension. Nothing stored is lost or left meaningless: an
/// attribute may be added or its characteristics changed at any time, but changing an attribute's
/// type (or multiValued, or a sub-attribute's), removing an attribute or deleting the extension
/// is refused with a 409 while any user or group holds a value there; the values are removed
/// first (SCIM PATCH <c>remove</c>), then the definition. Tighter rules (required, canonical
/// values) apply from the next write of each resource.
/// </summary>
public sealed class ChangeSchemaExtension(DirectoryDatabase database, TimeProvider time, ReadTenantSchemas schemas)
{
    public async Task<AdminResult<SchemaExtension>> UpdateAsync(AdminActor actor, Guid id, SchemaExtensionDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var read = draft.Read();
        if (!read.IsSuccess)
        {
            return read.Error;
        }

        var (resourceType, schema) = read.Value;
        try
        {
            return await ReplaceAsync(actor, id, draft, resourceType, schema, cancellationToken);
        }
        finally
        {
            // This node's next SCIM request sees the change (others within the cache's lifetime).
            schemas.Invalidate(actor.TenantId);
        }
    }

    public async Task<AdminResult<bool>> DeleteAsync(AdminActor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        try
        {
            return await RemoveAsync(actor, id, cancellationToken);
        }
        finally
        {
            schemas.Invalidate(actor.TenantId);
        }
    }

    private Task<AdminResult<SchemaExtension>> ReplaceAsync(AdminActor actor, Guid id, SchemaExtensionDraft draft, string resourceType, SchemaDefinition schema, CancellationToken cancellationToken) =>
        database.AdminWriteAsync<SchemaExtension>(actor.TenantId, async session =>
        {
            var before = await SchemaExtensionSql.ReadAsync(session, id, cancellationToken);
            if (before is null)
            {
                return SchemaExtensionErrors.NotFound();
            }

            if (!string.Equals(before.Urn, schema.Id, StringComparison.OrdinalIgnoreCase))
            {
                return SchemaExtensionErrors.UrnChanged(before.Urn, schema.Id);
            }

            if (!string.Equals(before.ResourceType, resourceType, StringComparison.Ordinal))
            {
                return SchemaExtensionErrors.ResourceTypeChanged(before.ResourceType);
            }

            foreach (var attribute in before.Schema.Attributes)
            {
                var after = schema.FindAttribute(attribute.Name);
                if (after is not null && Compatible(attribute, after))
                {
                    continue;
                }

                var held = await StoredExtensionValues.CountAsync(session, resourceType, new DocumentPath(before.Urn, attribute.Name), cancellationToken);
                if (held > 0)
                {
                    return SchemaExtensionErrors.ValuesStored(before.Urn, attribute.Name, held, removed: after is null);
                }
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var extension = before with { Required = draft.Required, Schema = schema with { Id = before.Urn }, LastModified = now, Version = before.Version + 1 };
            await SchemaExtensionSql.UpdateAsync(session, extension, cancellationToken);
            var entry = AuditEntry.For(actor, AuditActions.SchemaExtensionUpdate, AuditResourceTypes.SchemaExtension, id,
                AuditChanges.Diff(SchemaExtensionSql.ToAuditJson(before), SchemaExtensionSql.ToAuditJson(extension)));
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            return extension;
        }, cancellationToken);

    private Task<AdminResult<bool>> RemoveAsync(AdminActor actor, Guid id, CancellationToken cancellationToken) =>
        database.AdminWriteAsync<bool>(actor.TenantId, async session =>
        {
            var before = await SchemaExtensionSql.ReadAsync(session, id, cancellationToken);
            if (before is null)
            {
                return SchemaExtensionErrors.NotFound();
            }

            var held = await StoredExtensionValues.CountAsync(session, before.ResourceType, new DocumentPath(before.Urn), cancellationToken);
            if (held > 0)
            {
                return SchemaExtensionErrors.InUse(before.Urn, before.ResourceType, held);
            }

            await SchemaExtensionSql.DeleteAsync(session, id, cancellationToken);
            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var entry = AuditEntry.For(actor, AuditActions.SchemaExtensionDelete, AuditResourceTypes.SchemaExtension, id,
                AuditChanges.Diff(SchemaExtensionSql.ToAuditJson(before), null));
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            return true;
        }, cancellationToken);

    // Stored values keep their meaning when the type and shape stay; other characteristics
    // (mutability, returned, required, canonical values) apply to the next write.
    private static bool Compatible(AttributeDefinition before, AttributeDefinition after) =>
        before.Type == after.Type
        && before.MultiValued == after.MultiValued
        && before.SubAttributes.All(sub => after.FindSubAttribute(sub.Name) is { } next && next.Type == sub.Type && next.MultiValued == sub.MultiValued);
}
