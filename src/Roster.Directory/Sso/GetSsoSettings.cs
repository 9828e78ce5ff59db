using Roster.Directory.Database;

namespace Roster.Directory.Sso;

/// <summary>A tenant's sign-in policy; a tenant that never set one has neither switch on and no break-glass administrator.</summary>
public sealed class GetSsoSettings(DirectoryDatabase database)
{
    public async Task<SsoSettings> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await SsoSettingsSql.ReadAsync(session, cancellationToken);
    }
}
