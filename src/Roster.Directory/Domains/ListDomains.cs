using Roster.Directory.Database;

namespace Roster.Directory.Domains;

/// <summary>Every domain of the tenant, verified or not, ordered by name.</summary>
public sealed class ListDomains(DirectoryDatabase database)
{
    public async Task<IReadOnlyList<VerifiedDomain>> ExecuteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        return await VerifiedDomainSql.ReadAllAsync(session, cancellationToken);
    }
}
