using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;

namespace Roster.Directory.Tenants;

/// <summary>
/// Creates and finds tenants; a tenant's org ID is a GUID that never changes. A tenant is
/// created with its SCIM settings row, in the same transaction (one SaveChanges).
/// </summary>
public sealed class TenantService(DirectoryDatabase database, TimeProvider time) : ITenantService
{
    public async Task<Tenant> CreateAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var tenant = new Tenant { Id = Guid.NewGuid(), Name = name.Trim(), Created = ScimDateTime.Truncate(time.GetUtcNow()) };
        using (await database.EnterWriteGateAsync(cancellationToken))
        {
            await using var db = database.CreateContext(tenant.Id);
            db.Tenants.Add(tenant);

            // Enabled from the start: `roster init` and `roster serve` print a SCIM token that must work at once.
            db.ScimSettings.Add(new ScimSettingsRecord { TenantId = tenant.Id, Enabled = true });
            await db.SaveChangesAsync(cancellationToken);
        }

        return tenant;
    }

    public async Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(Guid.Empty);
        return await db.Tenants.OrderBy(t => t.Created).ThenBy(t => t.Name).ToListAsync(cancellationToken);
    }

    public async Task<Tenant?> FindAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(tenantId);
        return await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
    }
}
