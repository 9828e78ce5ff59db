using Roster.Directory.Database;

namespace Roster.Directory.SchemaExtensions;

/// <summary>
/// The tenant's schemas for one SCIM request: one indexed read of <c>scim_schema_extensions</c>
/// (its key starts with the tenant), skipped into <see cref="TenantSchemas.Standard"/> when the
/// tenant has none. Read on every request rather than cached, so that every node sees a change at
/// once without a cache to invalidate.
/// </summary>
public sealed class ReadTenantSchemas(DirectoryDatabase database)
{
    public async Task<TenantSchemas> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var extensions = await SchemaExtensionSql.ReadAllAsync(session, cancellationToken);
        return extensions.Count == 0 ? TenantSchemas.Standard : new TenantSchemas(extensions);
    }
}
