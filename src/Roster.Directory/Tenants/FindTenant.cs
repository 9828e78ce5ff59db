using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;

namespace Roster.Directory.Tenants;

/// <summary>A tenant by its org ID, or null when there is none.</summary>
public sealed class FindTenant(DirectoryDatabase database)
{
    public async Task<Tenant?> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(tenantId);
        return await db.Tenants.FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);
    }
}
