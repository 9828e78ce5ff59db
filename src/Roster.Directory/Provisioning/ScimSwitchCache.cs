using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Provisioning;

/// <summary>
/// Remembers, per tenant and for a couple of seconds, whether SCIM provisioning is on, so the
/// thousands of calls of a sync cycle do not each read the settings row before doing their work.
/// A change made through <see cref="UpdateScimSettings"/> in this process takes effect at once;
/// one made by another process (the CLI, another node) within <see cref="Lifetime"/>.
/// </summary>
public sealed class ScimSwitchCache(DirectoryDatabase database, TimeProvider time)
{
    /// <summary>How long a read of the switch is trusted.</summary>
    public static readonly TimeSpan Lifetime = TenantCache<bool>.Lifetime;

    private readonly TenantCache<bool> _switches = new(time);

    public ValueTask<bool> IsEnabledAsync(Guid tenantId, CancellationToken cancellationToken) =>
        _switches.GetAsync(tenantId, ReadAsync, cancellationToken);

    /// <summary>Forgets a tenant's switch after its settings changed.</summary>
    public void Invalidate(Guid tenantId) => _switches.Invalidate(tenantId);

    private async Task<bool> ReadAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return (await ScimSettingsSql.ReadAsync(session, cancellationToken)).Enabled;
    }
}
