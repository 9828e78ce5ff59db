using System.Data.Common;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.Resources;

namespace Roster.Directory.Provisioning;

/// <summary>
/// Counts the SCIM calls to a tenant refused for a bad bearer token (unknown, expired, revoked:
/// the commonest "Test connection" failure) in <c>bad_token_calls</c>, for the activity page.
/// Anyone can send such calls, so both the table and the writes are bounded: a row per tenant,
/// kind, client and token of the tenant's own (never per request, never per presented value; a
/// tenant that does not exist gets none), and each row is written at most once a minute per node,
/// the calls in between added to the next write; all rows together at most
/// <see cref="WritesPerMinute"/> times a minute per node. Best effort: a busy database loses a
/// count, never fails the answer.
/// </summary>
public sealed class BadTokenCalls(DirectoryDatabase database, TimeProvider time)
{
    public const int MaxKindLength = 10;
    public const int MaxClientLength = 50;

    /// <summary>Writes per node each minute, all tenants together.</summary>
    public const int WritesPerMinute = 120;

    /// <summary>Counters held in memory between writes; past it, the oldest are dropped with their pending calls.</summary>
    public const int MaxTracked = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<(Guid Tenant, string Kind, string Client, Guid Token), (long Minute, long Pending)> _tallies = [];
    private (long Minute, int Spent) _budget;

    public async Task RecordAsync(Guid tenantId, string kind, string client, Guid? tokenId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var key = (tenantId, kind, client.Length > MaxClientLength ? client[..MaxClientLength] : client, tokenId ?? Guid.Empty);
        long calls;
        lock (_lock)
        {
            var found = _tallies.TryGetValue(key, out var tally);
            if (!found && _tallies.Count >= MaxTracked && !Prune(minute))
            {
                return;
            }

            _budget = _budget.Minute == minute ? _budget : (minute, 0);
            if ((found && tally.Minute == minute) || _budget.Spent >= WritesPerMinute)
            {
                // Written this minute already (or no write left): the next write adds this call.
                _tallies[key] = (found ? tally.Minute : 0, (found ? tally.Pending : 0) + 1);
                return;
            }

            calls = (found ? tally.Pending : 0) + 1;
            _tallies[key] = (minute, 0);
            _budget = (minute, _budget.Spent + 1);
        }

        try
        {
            await using var session = await database.BookkeepingAsync(tenantId, cancellationToken);
            var parameters = session.Parameters();
            var dialect = session.Dialect;
            var at = parameters.Add(dialect.Timestamp(ScimDateTime.Truncate(now)));
            var count = parameters.Add(calls);
            await session.ExecuteAsync(
                "INSERT INTO bad_token_calls (tenant_id, kind, client, token_id, count, first_seen, last_seen) " +
                $"SELECT {SqlParameters.Tenant}, {parameters.Add(key.Item2)}, {parameters.Add(key.Item3)}, {parameters.Add(dialect.Key(key.Item4))}, {count}, {at}, {at} " +
                $"WHERE EXISTS (SELECT 1 FROM tenants WHERE id = {SqlParameters.Tenant}) " +
                $"ON CONFLICT (tenant_id, kind, client, token_id) DO UPDATE SET count = bad_token_calls.count + {count}, last_seen = {at}",
                parameters,
                cancellationToken);
            await session.CommitAsync(cancellationToken);
        }
        catch (Exception e) when (FromDatabase(e))
        {
            // The count is for people reading the console; the caller already has its 401, and a
            // database that is gone fails the count with whatever the provider throws.
        }
    }

    /// <summary>The tenant's bad-token calls last seen since <paramref name="since"/>, most recent first.</summary>
    public async Task<IReadOnlyList<BadTokenCall>> LatestAsync(Guid tenantId, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var parameters = session.Parameters();
        var dialect = session.Dialect;
        return await session.QueryAsync(
            $"SELECT kind, client, token_id, count, first_seen, last_seen FROM bad_token_calls WHERE tenant_id = {SqlParameters.Tenant} " +
            $"AND last_seen >= {parameters.Add(dialect.Timestamp(since))} ORDER BY last_seen DESC LIMIT {parameters.Add(limit)}",
            parameters,
            reader =>
            {
                var token = dialect.ReadKey(reader, 2);
                return new BadTokenCall(reader.GetString(0), reader.GetString(1), token == Guid.Empty ? null : token, reader.GetInt64(3), dialect.ReadTimestamp(reader, 4), dialect.ReadTimestamp(reader, 5));
            },
            cancellationToken);
    }

    private static bool FromDatabase(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException)
            {
                return true;
            }
        }

        return false;
    }

    // Under _lock: drops the counters not written this minute; false when none could go.
    private bool Prune(long minute)
    {
        var stale = _tallies.Where(t => t.Value.Minute < minute).Select(t => t.Key).ToList();
        foreach (var key in stale)
        {
            _tallies.Remove(key);
        }

        return stale.Count > 0;
    }
}
