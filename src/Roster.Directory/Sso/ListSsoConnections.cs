using Roster.Directory.Database;

namespace Roster.Directory.Sso;

/// <summary>Every SSO connection of the tenant, by name; secrets stay out.</summary>
public sealed class ListSsoConnections(DirectoryDatabase database)
{
    public async Task<IReadOnlyList<SsoConnection>> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await SsoConnectionSql.ReadAllAsync(session, cancellationToken);
    }
}
