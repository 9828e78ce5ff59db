using Microsoft.EntityFrameworkCore;
using Roster.Directory.Filtering;
using Roster.Directory.Listing;

namespace Roster.Directory.Database;

/// <summary>
/// The directory's database, whatever the provider: applies migrations (<see cref="MigrateAsync"/>;
/// the storage packages wrap it, e.g. <c>Roster.Storage.Sqlite.RosterDatabase</c>), hands out
/// tenant-scoped contexts, and opens the sessions the stores run their SQL in, each with the
/// time it was opened (<see cref="SqlSession.Now"/>) from <paramref name="time"/>.
/// </summary>
public sealed class DirectoryDatabase(
    IDbContextFactory<RosterDbContext> contexts, ISqlDialect dialect, IWriteGate writeGate, ListingCache? listings = null, DirectoryLimits? limits = null, TimeProvider? time = null,
    Events.EventSignal? events = null)
{
    /// <summary>
    /// How many times a write computed outside the write gate (a PATCH, a PUT) is computed again
    /// when another write changed the resource before it could be stored; then the client is told
    /// to send it again (409).
    /// </summary>
    public const int WriteAttempts = 5;

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The batch this flow of work runs in (<see cref="InOneTransactionAsync{T}"/>), if any.</summary>
    private readonly AsyncLocal<SqlSession?> _batch = new();

    public ISqlDialect Dialect => dialect;

    /// <summary>What one request may make the directory spend.</summary>
    public DirectoryLimits Limits { get; } = limits ?? new DirectoryLimits();

    /// <summary>Large listing counts and page bookmarks; every committed write session voids its tenant's.</summary>
    public ListingCache Listings { get; } = listings ?? new ListingCache(TimeProvider.System, new ListingCacheOptions());

    /// <summary>Wakes the feed's long polls and the webhook senders of this process when a write that appended events commits.</summary>
    public Events.EventSignal Events { get; } = events ?? new Events.EventSignal();

    /// <summary>
    /// Creates the database if needed and applies every pending migration. Safe to call on every
    /// start. After an upgrade it also brings stored userName keys to the current rules
    /// (<see cref="Users.UserNameKeys"/>); the users it had to leave as they were are returned.
    /// </summary>
    public async Task<IReadOnlyList<(Guid TenantId, Guid UserId)>> MigrateAsync(CancellationToken cancellationToken)
    {
        using var gate = await writeGate.EnterAsync(cancellationToken);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        await context.Database.MigrateAsync(cancellationToken);
        return pending ? await Users.UserNameKeys.RefreshAsync(context, cancellationToken) : [];
    }

    /// <summary>The migrations not applied yet (empty when the schema is current).</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return [.. await context.Database.GetPendingMigrationsAsync(cancellationToken)];
    }

    /// <summary>
    /// Compares the applied migrations with this build's, in one round trip to the database (which
    /// fails when the database cannot be reached, as a readiness probe wants).
    /// </summary>
    public async Task<SchemaState> SchemaStateAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var applied = (await context.Database.GetAppliedMigrationsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var known = context.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        return new SchemaState(known.Count(m => !applied.Contains(m)), applied.Count(m => !known.Contains(m)));
    }

    /// <summary>A context whose query filters see only <paramref name="tenantId"/>'s rows. Dispose it.</summary>
    public RosterDbContext CreateContext(Guid tenantId)
    {
        var context = contexts.CreateDbContext();
        context.TenantId = tenantId;
        return context;
    }

    /// <summary>Waits for the write gate, for writes made through EF (tenants, tokens).</summary>
    internal async ValueTask<IDisposable> EnterWriteGateAsync(CancellationToken cancellationToken)
    {
        DirectoryMetrics.WaitingForGate(1);
        try
        {
            return await writeGate.EnterAsync(cancellationToken);
        }
        finally
        {
            DirectoryMetrics.WaitingForGate(-1);
        }
    }

    /// <summary>
    /// A read-only session that is deliberately not bound to one tenant: its statements do not use
    /// <see cref="Filtering.SqlParameters.Tenant"/>. Only the webhook sender's search for endpoints
    /// with work uses it; what it finds is then read and changed in sessions of each tenant.
    /// </summary>
    internal Task<SqlSession> CrossTenantReadAsync(CancellationToken cancellationToken) =>
        SqlSession.OpenAsync(CreateContext(Guid.Empty), dialect, gate: null, _time.GetUtcNow(), cancellationToken);

    /// <summary>A read-only session: no transaction, no gate; SQLite's WAL lets reads run beside the writer.</summary>
    internal Task<SqlSession> ReadAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Batch(tenantId) is { } batch ? SqlSession.InsideAsync(batch, write: false, _time.GetUtcNow(), cancellationToken) : SqlSession.OpenAsync(CreateContext(tenantId), dialect, gate: null, _time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// A read session for a list or search: each statement may run <see cref="DirectoryLimits.QueryTimeout"/>,
    /// then the database stops it (<see cref="ISqlDialect.IsStatementTimeout"/>), so no filter holds a
    /// connection and a core for longer, whatever it asks.
    /// </summary>
    internal Task<SqlSession> SearchAsync(Guid tenantId, CancellationToken cancellationToken) =>
        Batch(tenantId) is { } batch ? SqlSession.InsideAsync(batch, write: false, _time.GetUtcNow(), cancellationToken) : SqlSession.OpenAsync(CreateContext(tenantId), dialect, gate: null, _time.GetUtcNow(), cancellationToken, statementBudget: Limits.QueryTimeout);

    /// <summary>A write session: inside the write gate, in one transaction that reserves the write lock at once.</summary>
    internal async Task<SqlSession> WriteAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (Batch(tenantId) is { } batch)
        {
            return await SqlSession.InsideAsync(batch, write: true, _time.GetUtcNow(), cancellationToken);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var gate = await EnterWriteGateAsync(cancellationToken);
        try
        {
            var session = await SqlSession.OpenAsync(CreateContext(tenantId), dialect, gate, _time.GetUtcNow(), cancellationToken, () => Listings.WriteCommitted(tenantId), started: started);
            session.EventsCommitted = () => Events.Signal(tenantId);
            return session;
        }
        catch
        {
            gate.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> (several use cases, e.g. the operations of a SCIM bulk request)
    /// in one write session of <paramref name="tenantId"/>: every session the use cases open for
    /// that tenant meanwhile runs inside it, each write as a savepoint that its own failure rolls
    /// back, so one operation failing leaves the others standing, and the whole batch costs one
    /// commit instead of one each. <see cref="DirectoryBatch.CheckpointAsync"/> commits what is done
    /// so far and lets other writers in. What <paramref name="work"/> leaves uncommitted when it
    /// ends is committed; an exception rolls back everything since the last checkpoint.
    /// </summary>
    public async Task<T> InOneTransactionAsync<T>(Guid tenantId, Func<DirectoryBatch, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_batch.Value is not null)
        {
            throw new InvalidOperationException("A batch is already running in this flow.");
        }

        await using var session = await WriteAsync(tenantId, cancellationToken);
        _batch.Value = session;
        try
        {
            var result = await work(new DirectoryBatch(() => session.CheckpointAsync(EnterWriteGateAsync, cancellationToken)));
            await session.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            _batch.Value = null;
        }
    }

    private SqlSession? Batch(Guid tenantId) => _batch.Value switch
    {
        null => null,
        { } batch when batch.TenantId == tenantId => batch,

        // A batch is one tenant's: a use case reaching for another tenant's rows inside it is a bug.
        _ => throw new InvalidOperationException("A batch of one tenant opened a session of another."),
    };

    /// <summary>
    /// A write session that does not take the tenant's write lock (PostgreSQL): for bookkeeping
    /// such as webhook deliveries, which appends no events and must not queue behind, or hold up,
    /// the tenant's directory writes. Rows it shares with others are claimed with row locks.
    /// </summary>
    internal async Task<SqlSession> BookkeepingAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var gate = await writeGate.EnterAsync(cancellationToken);
        try
        {
            return await SqlSession.OpenAsync(CreateContext(tenantId), dialect, gate, _time.GetUtcNow(), cancellationToken, serializeTenant: false);
        }
        catch
        {
            gate.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a write session and commits it when the result is a success.</summary>
    internal async Task<Scim.Errors.ScimResult<T>> WriteAsync<T>(Guid tenantId, Func<SqlSession, Task<Scim.Errors.ScimResult<T>>> work, CancellationToken cancellationToken)
    {
        await using var session = await WriteAsync(tenantId, cancellationToken);
        var result = await work(session);
        if (result.IsSuccess)
        {
            await session.CommitAsync(cancellationToken);
        }

        return result;
    }

    /// <summary>Runs <paramref name="work"/> in a write session and commits it when the result is a success.</summary>
    internal async Task<Administration.AdminResult<T>> AdminWriteAsync<T>(Guid tenantId, Func<SqlSession, Task<Administration.AdminResult<T>>> work, CancellationToken cancellationToken)
    {
        await using var session = await WriteAsync(tenantId, cancellationToken);
        var result = await work(session);
        if (result.IsSuccess)
        {
            await session.CommitAsync(cancellationToken);
        }

        return result;
    }
}
