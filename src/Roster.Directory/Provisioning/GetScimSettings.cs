using Roster.Directory.Database;

namespace Roster.Directory.Provisioning;

/// <summary>A tenant's SCIM settings, with the status the console shows ("inactive" until the first SCIM call).</summary>
public sealed class GetScimSettings(DirectoryDatabase database)
{
    public async Task<ScimSettings> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await ScimSettingsSql.ReadAsync(session, cancellationToken);
    }
}
