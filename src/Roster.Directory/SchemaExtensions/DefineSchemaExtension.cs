using System.Data.Common;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Scim.Schemas;

namespace Roster.Directory.SchemaExtensions;

/// <summary>
/// Defines a tenant's own extension of Users or Groups. From the next SCIM request on it is in
/// <c>/Schemas</c> and <c>/ResourceTypes</c>, and writes are validated against it. Users and
/// groups stored before it do not hold it, even when it is required: the next write of each must.
/// </summary>
public sealed class DefineSchemaExtension(DirectoryDatabase database, TimeProvider time, ReadTenantSchemas schemas)
{
    public async Task<AdminResult<SchemaExtension>> ExecuteAsync(AdminActor actor, SchemaExtensionDraft draft, CancellationToken cancellationToken)
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
            return await WriteAsync(actor, draft, resourceType, schema, cancellationToken);
        }
        finally
        {
            // This node's next SCIM request sees the definition (others within the cache's lifetime).
            schemas.Invalidate(actor.TenantId);
        }
    }

    private Task<AdminResult<SchemaExtension>> WriteAsync(AdminActor actor, SchemaExtensionDraft draft, string resourceType, SchemaDefinition schema, CancellationToken cancellationToken) =>
        database.AdminWriteAsync<SchemaExtension>(actor.TenantId, async session =>
        {
            if (await SchemaExtensionSql.CountAsync(session, cancellationToken) >= SchemaExtensionLimits.MaxPerTenant)
            {
                return SchemaExtensionErrors.TooMany(SchemaExtensionLimits.MaxPerTenant);
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var extension = new SchemaExtension(Guid.CreateVersion7(now), resourceType, draft.Required, schema, now, now, 1);
            try
            {
                await SchemaExtensionSql.InsertAsync(session, extension, cancellationToken);
            }
            catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
            {
                return SchemaExtensionErrors.UrnTaken(extension.Urn);
            }

            var entry = AuditEntry.For(actor, AuditActions.SchemaExtensionCreate, AuditResourceTypes.SchemaExtension, extension.Id,
                AuditChanges.Diff(null, SchemaExtensionSql.ToAuditJson(extension)));
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            return extension;
        }, cancellationToken);
}
