using Roster.Directory.Database;
using Roster.Directory.Filtering;

namespace Roster.Directory.Events;

/// <summary>
/// Deletes what is older than the retention (<see cref="EventFeedOptions.Retention"/>): feed
/// events, finished webhook deliveries and delivery log lines, in small batches per tenant. The
/// newest event of a tenant is always kept, so its feed's head, and every cursor, stays valid; a
/// reader whose cursor fell behind the oldest kept event is told to resynchronize.
/// </summary>
public sealed class EventRetention(DirectoryDatabase database, EventFeedOptions options, TimeProvider time)
{
    private const int Batch = 5_000;

    /// <summary>Prunes every tenant; returns how many events were deleted.</summary>
    public async Task<long> PruneAsync(CancellationToken cancellationToken)
    {
        List<Guid> tenants;
        await using (var session = await database.CrossTenantReadAsync(cancellationToken))
        {
            // Cross-tenant by design: the list of tenants to prune, each then pruned in a session of its own.
            tenants = await session.QueryAsync("SELECT id FROM tenants", session.Parameters(), reader => session.Dialect.ReadKey(reader, 0), cancellationToken, SqlScope.CrossTenant);
        }

        var cutoff = time.GetUtcNow() - options.Retention;
        long deleted = 0;
        foreach (var tenant in tenants)
        {
            deleted += await PruneAsync(tenant, cutoff, cancellationToken);
        }

        return deleted;
    }

    /// <summary>Prunes one tenant; returns how many events were deleted.</summary>
    public Task<long> PruneTenantAsync(Guid tenantId, CancellationToken cancellationToken) =>
        PruneAsync(tenantId, time.GetUtcNow() - options.Retention, cancellationToken);

    private async Task<long> PruneAsync(Guid tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var session = await database.BookkeepingAsync(tenantId, cancellationToken);
            var dialect = session.Dialect;
            var parameters = session.Parameters();
            var before = parameters.Add(dialect.Timestamp(cutoff));

            // Oldest first by sequence (the primary key), so each batch reads only what it deletes.
            var deleted = await session.ExecuteAsync(
                $"DELETE FROM events WHERE tenant_id = {SqlParameters.Tenant} AND sequence IN (SELECT sequence FROM events WHERE tenant_id = {SqlParameters.Tenant} " +
                $"AND occurred < {before} AND sequence < (SELECT MAX(sequence) FROM events WHERE tenant_id = {SqlParameters.Tenant}) ORDER BY sequence LIMIT {Batch})",
                parameters, cancellationToken);
            await session.ExecuteAsync(
                $"DELETE FROM webhook_attempts WHERE tenant_id = {SqlParameters.Tenant} AND attempted < {before};" +
                $"DELETE FROM webhook_deliveries WHERE tenant_id = {SqlParameters.Tenant} AND state <> 'pending' AND created < {before};",
                parameters, cancellationToken);
            await session.CommitAsync(cancellationToken);
            total += deleted;
            if (deleted < Batch)
            {
                return total;
            }
        }
    }
}
