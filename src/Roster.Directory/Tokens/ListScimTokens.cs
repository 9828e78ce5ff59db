using Roster.Directory.Database;

namespace Roster.Directory.Tokens;

/// <summary>A tenant's SCIM tokens, with their state (active, expiring, expired, revoked) now.</summary>
public sealed class ListScimTokens(DirectoryDatabase database, TimeProvider time)
{
    public async Task<IReadOnlyList<ScimTokenSummary>> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await ScimTokenSql.ListAsync(session, time.GetUtcNow(), cancellationToken);
    }
}
