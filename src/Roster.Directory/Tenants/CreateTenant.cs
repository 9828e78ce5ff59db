using Roster.Directory.Database;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;

namespace Roster.Directory.Tenants;

/// <summary>
/// Creates a tenant; its org ID is a GUID that never changes. The tenant is created with its SCIM
/// settings row, in the same transaction (one SaveChanges).
/// </summary>
public sealed class CreateTenant(DirectoryDatabase database, TimeProvider time)
{
    public async Task<Tenant> ExecuteAsync(string name, CancellationToken cancellationToken)
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
}
