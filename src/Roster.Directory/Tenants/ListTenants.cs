using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;

namespace Roster.Directory.Tenants;

/// <summary>Every tenant of the deployment, oldest first.</summary>
public sealed class ListTenants(DirectoryDatabase database)
{
    public async Task<IReadOnlyList<Tenant>> ExecuteAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(Guid.Empty);
        return await db.Tenants.OrderBy(t => t.Created).ThenBy(t => t.Name).ToListAsync(cancellationToken);
    }
}
