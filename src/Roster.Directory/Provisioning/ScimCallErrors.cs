using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Provisioning;

/// <summary>
/// Records the SCIM requests Roster refuses for an authenticated tenant (the IdP's provisioning
/// errors) and reads them back for the console. Recording is best effort and bounded: at most
/// <see cref="PerMinute"/> per tenant and node each minute, so a client that loops on a bad
/// request cannot turn its errors into a write storm, and a busy database never fails the answer.
/// </summary>
public sealed class ScimCallErrors(DirectoryDatabase database, TimeProvider time)
{
    public const int PerMinute = 60;
    public const int MaxPathLength = 500;
    public const int MaxDetailLength = 1000;

    private readonly ConcurrentDictionary<Guid, (long Minute, int Count)> _budget = new();

    public async Task RecordAsync(Guid tenantId, ScimCallError error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var now = time.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var spent = _budget.AddOrUpdate(tenantId, (minute, 1), (_, b) => b.Minute == minute ? (minute, b.Count + 1) : (minute, 1));
        if (spent.Count > PerMinute)
        {
            return;
        }

        var occurred = ScimDateTime.Truncate(now);
        try
        {
            using (await database.EnterWriteGateAsync(cancellationToken))
            {
                await using var db = database.CreateContext(tenantId);
                db.Add(new ScimCallErrorRecord
                {
                    TenantId = tenantId,
                    Id = Guid.CreateVersion7(occurred),
                    Occurred = occurred,
                    Method = error.Method,
                    Path = Cut(error.Path, MaxPathLength),
                    Status = error.Status,
                    ScimType = error.ScimType,
                    Detail = Cut(error.Detail, MaxDetailLength),
                    Client = Cut(error.Client, 200),
                    CredentialId = error.CredentialId,
                    RequestId = error.RequestId is null ? null : Cut(error.RequestId, 100),
                });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (Exception e) when (FromDatabase(e))
        {
            // The record is for people reading the console; the IdP already has its answer, sent
            // before this write. A database that is gone (a failover, a restart) fails the record
            // too, with whatever the provider throws: a DbUpdateException, EF's
            // InvalidOperationException around a transient error, a connection's NpgsqlException.
            // Escaping here, any of them would cut the answer already started (or, not flushed
            // yet, turn it into an empty 500).
        }
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

    /// <summary>The tenant's latest refused requests since <paramref name="since"/>, newest first.</summary>
    public async Task<IReadOnlyList<ScimCallError>> LatestAsync(Guid tenantId, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(tenantId);
        var rows = await db.Set<ScimCallErrorRecord>().AsNoTracking()
            .Where(e => e.Occurred >= since)
            .OrderByDescending(e => e.Occurred).ThenByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToError)];
    }

    public async Task<ScimCallError?> FindAsync(Guid tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(tenantId);
        var row = await db.Set<ScimCallErrorRecord>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return row is null ? null : ToError(row);
    }

    private static ScimCallError ToError(ScimCallErrorRecord row) =>
        new(row.Id, row.Occurred, row.Method, row.Path, row.Status, row.ScimType, row.Detail, row.Client, row.CredentialId, row.RequestId);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
