namespace Roster.Directory.Tenants;

/// <summary>Creates and finds tenants.</summary>
public interface ITenantService
{
    Task<Tenant> CreateAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListAsync(CancellationToken cancellationToken);

    Task<Tenant?> FindAsync(Guid tenantId, CancellationToken cancellationToken);
}
