using System.Collections.Concurrent;
using Roster.Directory.Database;

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
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<Guid, (bool Enabled, DateTimeOffset ReadAt)> _switches = new();

    public async Task<bool> IsEnabledAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_switches.TryGetValue(tenantId, out var known) && now - known.ReadAt < Lifetime)
        {
            return known.Enabled;
        }

        ScimSettings settings;
        await using (var session = await database.ReadAsync(tenantId, cancellationToken))
        {
            settings = await ScimSettingsSql.ReadAsync(session, cancellationToken);
        }

        _switches[tenantId] = (settings.Enabled, now);
        return settings.Enabled;
    }

    /// <summary>Forgets a tenant's switch after its settings changed.</summary>
    public void Invalidate(Guid tenantId) => _switches.TryRemove(tenantId, out _);
}
