using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.SchemaExtensions;

/// <summary>
/// The tenant's schemas for a SCIM request: one indexed read of <c>scim_schema_extensions</c>
/// (its key starts with the tenant), skipped into <see cref="TenantSchemas.Standard"/> when the
/// tenant has none, and kept per tenant as the SCIM switch is (<see cref="TenantCache{T}"/>), so
/// that a sync cycle's calls do not each read it. A definition changed through
/// <see cref="DefineSchemaExtension"/> or <see cref="ChangeSchemaExtension"/> is seen by this
/// process's next request; one changed by another node within <see cref="TenantCache{T}.Lifetime"/>.
/// </summary>
public sealed class ReadTenantSchemas(DirectoryDatabase database, TimeProvider time)
{
    private readonly TenantCache<TenantSchemas> _schemas = new(time);

    public ValueTask<TenantSchemas> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken) =>
        _schemas.GetAsync(tenantId, ReadAsync, cancellationToken);

    /// <summary>Forgets a tenant's schemas after one of its definitions changed.</summary>
    public void Invalidate(Guid tenantId) => _schemas.Invalidate(tenantId);

    private async Task<TenantSchemas> ReadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var extensions = await SchemaExtensionSql.ReadAllAsync(session, cancellationToken);
        return extensions.Count == 0 ? TenantSchemas.Standard : new TenantSchemas(extensions);
    }
}
