using System.Collections.Concurrent;
using System.Data.Common;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;

namespace Roster.Directory.Provisioning;

/// <summary>
/// Stamps a tenant's last SCIM call (time and client) for the settings page's status. Like a
/// token's <c>last_used</c>, it is written at most once a minute per tenant, so that the
/// thousands of calls of a sync cycle do not each become a write.
/// </summary>
public sealed class ScimCallRecorder(DirectoryDatabase database, TimeProvider time)
{
    private const int MaxClientLength = 200;
    private static readonly TimeSpan Resolution = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _written = new();

    public async Task RecordScimCallAsync(Guid tenantId, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = ScimDateTime.Truncate(time.GetUtcNow());

        // Many requests arrive at once; let one of them write.
        var previous = _written.TryGetValue(tenantId, out var written) ? written : (DateTimeOffset?)null;
        if (previous is { } at && now - at < Resolution)
        {
            return;
        }

        if (previous is null ? !_written.TryAdd(tenantId, now) : !_written.TryUpdate(tenantId, now, previous.Value))
        {
            return;
        }

        try
        {
            await using var session = await database.WriteAsync(tenantId, cancellationToken);
            var parameters = session.Parameters();
            var dialect = session.Dialect;
            await session.ExecuteAsync(
                $"UPDATE scim_settings SET last_call_at = {parameters.Add(dialect.Timestamp(now))}, " +
                $"last_client = {parameters.Add(client.Length > MaxClientLength ? client[..MaxClientLength] : client)} " +
                $"WHERE tenant_id = {SqlParameters.Tenant} AND (last_call_at IS NULL OR last_call_at <= {parameters.Add(dialect.Timestamp(now - Resolution))})",
                parameters, cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
        catch (DbException)
        {
            // The status is informational: a busy or read-only database must not fail the SCIM call.
            _written.TryRemove(tenantId, out _);
        }
    }
}
