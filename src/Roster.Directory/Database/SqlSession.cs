using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Filtering;

namespace Roster.Directory.Database;

/// <summary>
/// One unit of work on the context's connection: parameterised commands for one tenant and, for
/// writes, the write gate and a transaction (<c>BEGIN IMMEDIATE</c> on SQLite, so a transaction
/// that reads and then writes never has to upgrade its lock; a per-tenant lock on PostgreSQL, see
/// <see cref="ISqlDialect.SerializeTenantWrites"/>). A read session may give each statement a
/// time budget (lists and searches, see <see cref="DirectoryLimits.QueryTimeout"/>): the database
/// stops a statement past it. Disposing without <see cref="CommitAsync"/> rolls back.
/// </summary>
internal sealed class SqlSession : IAsyncDisposable
{
    private readonly RosterDbContext _context;
    private readonly DbConnection _connection;
    private IDisposable? _gate;
    private readonly Action? _committed;
    private readonly long _started;
    private Guid _keyedTenant;
    private object? _tenantKey;
    private DbTransaction? _transaction;
    private bool _wasCommitted;
    private TimeSpan? _statementBudget;

    // A session inside a batch (see DirectoryDatabase.InOneTransactionAsync) runs on the batch's
    // connection and transaction; a write one is a savepoint of it, released by CommitAsync and
    // rolled back by DisposeAsync without it. The batch owns the connection, context and gate.
    private SqlSession? _batch;
    private string? _savepoint;
    private long _savepointNumber;
    private long _savepoints;

    // A batch's savepoint statements not sent yet: each operation's SAVEPOINT, and the RELEASE of
    // the one before, travel with the operation's first write (one round trip instead of three
    // per operation); an operation refused before it wrote anything never sends its savepoint.
    private readonly List<string> _pendingSavepoints = [];
    private long _sentSavepoints;

    // What a batch read once for this part (between two checkpoints); see ReadOncePerBatchPartAsync.
    private Dictionary<string, object>? _heldReads;

    // Statements that must run before the transaction's next one and answer one row each, which
    // is read past (the tenant's write lock, ISqlDialect.SerializeTenantWrites): sent in front of
    // that statement, in its round trip, instead of in a round trip of their own.
    private readonly List<string> _preambles = [];

    // A read session's statement budget where the dialect sets it per command (PostgreSQL's
    // statement_timeout, local to the command's implicit transaction): sent in front of every
    // statement, so the session needs no transaction and no setting outlives a command.
    private string? _budgetPreamble;

    // Rows the transaction changed, per table, as noted by set-based statements (NoteRowsChanged):
    // a table past BulkChangeRows has its statistics refreshed once the transaction commits.
    private Dictionary<string, long>? _rowsChanged;

    // The transaction's last write, held back by ExecuteLastAsync: it goes with the COMMIT in one
    // command, or in a round trip of its own in front of any statement sent before the commit.
    private DbCommand? _heldLast;

    private SqlSession(RosterDbContext context, DbConnection connection, ISqlDialect dialect, IDisposable? gate, DateTimeOffset now, Action? committed, long started)
    {
        _context = context;
        _connection = connection;
        Dialect = dialect;
        _gate = gate;
        Now = now;
        _committed = committed;
        _started = started;
    }

    public ISqlDialect Dialect { get; }

    /// <summary>
    /// When the session was opened, truncated as stored times are: what "now" means to the
    /// rows it reads (whether a lock has run out, a session expired).
    /// </summary>
    public DateTimeOffset Now { get; }

    public Guid TenantId => _context.TenantId;

    /// <summary>The EF model, for statements made from its metadata (the tables a tenant owns, <see cref="Tenants.TenantRows"/>).</summary>
    public Microsoft.EntityFrameworkCore.Metadata.IModel Model => _context.Model;

    /// <summary>True for a write session that holds its tenant's write lock: the only kind that may append events.</summary>
    public bool SerializesTenant { get; private set; }

    /// <summary>Set by <see cref="Audit.AuditTrail"/> when this session appended events to its tenant's feed.</summary>
    public bool WroteEvents { get; set; }

    /// <summary>Called after a commit of a session that <see cref="WroteEvents"/>.</summary>
    public Action? EventsCommitted { get; set; }

    /// <summary>
    /// How many rows of one table a transaction changes before the table's statistics are
    /// refreshed after it commits (<see cref="ISqlDialect.RefreshStatistics"/>): past PostgreSQL's
    /// own autovacuum threshold for small tables, and large enough that ordinary writes never pay
    /// for it; only replacements of a rule's or a group's people reach it.
    /// </summary>
    public const int BulkChangeRows = 1000;

    /// <summary>
    /// Notes that a set-based statement of this transaction changed <paramref name="rows"/> rows of
    /// <paramref name="table"/> (a name from code): see <see cref="BulkChangeRows"/>.
    /// </summary>
    public void NoteRowsChanged(string table, int rows)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (rows <= 0)
        {
            return;
        }

        var root = _batch ?? this;
        root._rowsChanged ??= [];
        root._rowsChanged[table] = root._rowsChanged.GetValueOrDefault(table) + rows;
    }

    /// <summary>Opens the session; a write session (<paramref name="gate"/> given) begins its transaction.</summary>
    /// <param name="context">The tenant-scoped context whose connection is used; disposed with the session.</param>
    /// <param name="dialect">The provider's SQL.</param>
    /// <param name="gate">The entered write gate of a write session; null for a read.</param>
    /// <param name="now">The time the session is opened at.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    /// <param name="committed">Called after a write session commits.</param>
    /// <param name="statementBudget">How long each statement of a read session may run; null for no limit.</param>
    /// <param name="started">When the write was asked for (<see cref="Stopwatch.GetTimestamp"/>), for its duration; 0 for now.</param>
    /// <param name="serializeTenant">False for bookkeeping that appends no events and may run beside the tenant's writers (webhook deliveries).</param>
    public static async Task<SqlSession> OpenAsync(
        RosterDbContext context, ISqlDialect dialect, IDisposable? gate, DateTimeOffset now, CancellationToken cancellationToken, Action? committed = null, TimeSpan? statementBudget = null,
        long started = 0, bool serializeTenant = true)
    {
        try
        {
            // Opened through EF so the provider's connection interceptors (pragmas, functions) run.
            await context.Database.OpenConnectionAsync(cancellationToken);
            var session = new SqlSession(context, context.Database.GetDbConnection(), dialect, gate, Resources.ScimDateTime.Truncate(now), committed, started == 0 ? Stopwatch.GetTimestamp() : started);
            DirectoryMetrics.SessionOpened(gate is not null);
            if (gate is not null)
            {
                session._transaction = await session._connection.BeginTransactionAsync(cancellationToken);
                session.SerializesTenant = serializeTenant;
                if (serializeTenant && dialect.SerializeTenantWrites(SqlParameters.Tenant) is { } serialize)
                {
                    // Taken by the transaction's first statement, in its round trip: nothing runs before it.
                    session._preambles.Add(serialize);
                }
            }
            else if (statementBudget is { } budget)
            {
                // A number, not a value from a request: it may be part of the statement's text.
                var milliseconds = ((long)Math.Ceiling(budget.TotalMilliseconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (dialect.StatementTimeout($"'{milliseconds}'") is { } timeout)
                {
                    session._budgetPreamble = timeout;
                }
                else
                {
                    session._statementBudget = budget;
                }
            }

            return session;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    /// <summary>New parameters whose <see cref="SqlParameters.Tenant"/> is this session's tenant.</summary>
    public SqlParameters Parameters() => new(Dialect.Key(TenantId));

    /// <summary>
    /// A command of <paramref name="sql"/> with <paramref name="parameters"/>. Unless
    /// <paramref name="scope"/> says <see cref="SqlScope.CrossTenant"/>, the statement must name
    /// <see cref="SqlParameters.Tenant"/> and that parameter must be this session's tenant:
    /// otherwise it is refused (<see cref="TenantScopeException"/>) before it reaches the database.
    /// </summary>
    public DbCommand Command(string sql, SqlParameters parameters, SqlScope scope = SqlScope.Tenant)
    {
        var command = Command(sql, parameters, scope, sendsSavepoints: false, carriesPreambles: false, keep: false, out _, out _);
        if (_budgetPreamble is { } budget)
        {
            // The caller runs the command itself, perhaps many times: the budget is set for a
            // transaction of the session's own instead, which lasts until the session ends.
            _budgetPreamble = null;
            _transaction = _connection.BeginTransaction();
            command.Transaction = _transaction;
            using var send = _connection.CreateCommand();
            send.CommandText = budget;
            send.Transaction = _transaction;
            send.ExecuteNonQuery();
        }

        return command;
    }

    /// <summary>
    /// The command; inside a batch, the savepoint statements not sent yet go first: in its text when
    /// <paramref name="sendsSavepoints"/> (a statement run once for its row count, where they count
    /// no rows), else in a round trip of their own now (a query's results, or a command run many times).
    /// When <paramref name="carriesPreambles"/>, the preambles not sent yet (and a read session's
    /// budget) go first in its text too; <paramref name="preambleResults"/> says how many results
    /// they answer before the statement's own, for the caller to read past. When <paramref name="keep"/>
    /// and the statement goes alone, it is the connection's kept command where the dialect keeps
    /// them (<see cref="ISqlDialect.KeptCommand"/>, prepared once per connection), and
    /// <paramref name="kept"/> tells the caller not to dispose it.
    /// </summary>
    private DbCommand Command(string sql, SqlParameters parameters, SqlScope scope, bool sendsSavepoints, bool carriesPreambles, bool keep, out int preambleResults, out bool kept)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(parameters);
        if (scope == SqlScope.Tenant)
        {
            RequireTenant(sql, parameters);
        }

        var root = _batch ?? this;
        if (root._heldLast is { } held)
        {
            // A path that did not send it ahead (a command its caller runs itself): sent now, in order.
            root._heldLast = null;
            using (held)
            {
                using var trace = Trace(held);
                held.ExecuteNonQuery();
            }
        }

        var prefix = "";
        preambleResults = 0;

        // The preambles bind the tenant: they ride only on a statement whose tenant was checked
        // above. What cannot ride goes now, preambles first, in a round trip of its own.
        var preamblesRide = carriesPreambles && scope == SqlScope.Tenant;
        if ((root._preambles.Count > 0 && !preamblesRide) || (root._pendingSavepoints.Count > 0 && !sendsSavepoints))
        {
            SendPending(root);
        }
        else
        {
            preambleResults = root._preambles.Count;
            prefix = TakePreambles(root);
            if (root._pendingSavepoints.Count > 0)
            {
                prefix += TakePendingSavepoints(root);
            }
        }

        if (carriesPreambles && _budgetPreamble is { } budget)
        {
            prefix = budget + "; " + prefix;
            preambleResults++;
        }

        // Only a statement alone is kept: the preambles and savepoints in front of it vary.
        var command = keep && prefix.Length == 0 && Dialect.KeptCommand(_connection, sql) is { } keptCommand ? keptCommand : null;
        kept = command is not null;
        if (command is null)
        {
            command = _connection.CreateCommand();
            command.CommandText = prefix + sql;
        }

        command.Transaction = _batch is null ? _transaction : _batch._transaction;
        Bind(command.Parameters, parameters.Values, command);
        return command;
    }

    /// <summary>Binds <paramref name="values"/>, reusing a kept command's parameters when they have the same names.</summary>
    private static void Bind(DbParameterCollection bound, IReadOnlyList<KeyValuePair<string, object?>> values, DbCommand command)
    {
        var same = bound.Count == values.Count;
        for (var i = 0; same && i < values.Count; i++)
        {
            same = string.Equals(bound[i].ParameterName, values[i].Key, StringComparison.Ordinal);
        }

        if (same)
        {
            for (var i = 0; i < values.Count; i++)
            {
                bound[i].Value = values[i].Value ?? DBNull.Value;
            }

            return;
        }

        bound.Clear();
        foreach (var (name, value) in values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            bound.Add(parameter);
        }
    }

    /// <summary>
    /// Refuses a tenant statement that does not bind this session's tenant. A text search and one
    /// comparison, no parsing: cheap enough to run on every statement in every build.
    /// </summary>
    private void RequireTenant(string sql, SqlParameters parameters)
    {
        if (!sql.Contains(SqlParameters.Tenant, StringComparison.Ordinal))
        {
            throw new TenantScopeException($"The statement does not bind {SqlParameters.Tenant}: {sql}");
        }

        if (_tenantKey is null || _keyedTenant != TenantId)
        {
            _keyedTenant = TenantId;
            _tenantKey = Dialect.Key(TenantId);
        }

        // SQLite keys are byte arrays (compared by content), PostgreSQL's are Guids.
        var bound = parameters.Values[0].Value;
        var same = bound is byte[] boundBytes && _tenantKey is byte[] keyBytes ? boundBytes.AsSpan().SequenceEqual(keyBytes) : Equals(bound, _tenantKey);
        if (!same)
        {
            throw new TenantScopeException($"The statement binds {SqlParameters.Tenant} to another tenant than its session's: {sql}");
        }
    }

    /// <summary>Starts the trace of one statement; null when nothing listens.</summary>
    public Activity? Trace(DbCommand command)
    {
        var activity = DirectoryActivities.Source.StartActivity("sql", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag(DirectoryActivities.StatementTag, command.CommandText);
            activity.SetTag(DirectoryActivities.TenantTag, TenantId.ToString());
        }

        return activity;
    }

    // The row counts of the preambles' SELECTs are not counted: a data reader counts only rows changed.
    public async Task<int> ExecuteAsync(string sql, SqlParameters parameters, CancellationToken cancellationToken, SqlScope scope = SqlScope.Tenant)
    {
        await SendHeldAsync(cancellationToken);
        var command = Command(sql, parameters, scope, sendsSavepoints: true, carriesPreambles: true, keep: true, out _, out var kept);
        try
        {
            using var trace = Trace(command);
            using var limit = LimitStatement();
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await ReleaseAsync(command, kept);
        }
    }

    /// <summary>
    /// Runs a write whose row count nobody reads and after which the transaction usually commits
    /// (the audit row, its events and their notification, <see cref="Audit.AuditTrail"/>). Where the
    /// dialect commits in the command of a statement (<see cref="ISqlDialect.CommitsWithLastStatement"/>)
    /// it is held and sent with the <c>COMMIT</c>: one round trip fewer per write. A statement sent
    /// before the commit sends it first, so the transaction's statements still run in the order
    /// they were given; a session disposed without committing never sends it. Elsewhere, and inside
    /// a batch (whose operation ends with a savepoint's release, not a commit), it runs now.
    /// </summary>
    public async Task ExecuteLastAsync(string sql, SqlParameters parameters, CancellationToken cancellationToken)
    {
        if (_batch is not null || _transaction is null || !Dialect.CommitsWithLastStatement)
        {
            await ExecuteAsync(sql, parameters, cancellationToken);
            return;
        }

        await SendHeldAsync(cancellationToken);
        _heldLast = Command(sql, parameters, SqlScope.Tenant, sendsSavepoints: true, carriesPreambles: true, keep: false, out _, out _);
    }

    /// <summary>Sends the held last write (<see cref="ExecuteLastAsync"/>) now, before another statement.</summary>
    private async Task SendHeldAsync(CancellationToken cancellationToken)
    {
        var root = _batch ?? this;
        if (root._heldLast is not { } held)
        {
            return;
        }

        root._heldLast = null;
        await using (held)
        {
            using var trace = Trace(held);
            await held.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<object?> ScalarAsync(string sql, SqlParameters parameters, CancellationToken cancellationToken, SqlScope scope = SqlScope.Tenant)
    {
        await SendSavepointsAsync(cancellationToken);
        var command = Command(sql, parameters, scope, sendsSavepoints: false, carriesPreambles: true, keep: true, out var preambleResults, out var kept);
        try
        {
            using var trace = Trace(command);
            using var limit = LimitStatement();
            if (preambleResults == 0)
            {
                var value = await command.ExecuteScalarAsync(cancellationToken);
                return value is DBNull ? null : value;
            }

            await using var reader = await ReadPastPreamblesAsync(command, preambleResults, cancellationToken);
            return await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetValue(0) : null;
        }
        finally
        {
            await ReleaseAsync(command, kept);
        }
    }

    /// <summary>Runs a query and reads each row with <paramref name="read"/>.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, SqlParameters parameters, Func<DbDataReader, T> read, CancellationToken cancellationToken, SqlScope scope = SqlScope.Tenant)
    {
        await SendSavepointsAsync(cancellationToken);
        var command = Command(sql, parameters, scope, sendsSavepoints: false, carriesPreambles: true, keep: true, out var preambleResults, out var kept);
        try
        {
            using var trace = Trace(command);
            using var limit = LimitStatement();
            await using var reader = await ReadPastPreamblesAsync(command, preambleResults, cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await ReleaseAsync(command, kept);
        }
    }

    /// <summary>
    /// Disposes a command made for one statement; a kept one stays with its connection, its
    /// parameter values dropped (a kept command must not hold a request's values until its next run).
    /// </summary>
    private static ValueTask ReleaseAsync(DbCommand command, bool kept)
    {
        if (!kept)
        {
            return command.DisposeAsync();
        }

        command.Transaction = null;
        foreach (DbParameter parameter in command.Parameters)
        {
            parameter.Value = DBNull.Value;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs <paramref name="statements"/> in one command, so in one round trip where the database is
    /// another process, and reads each one's rows with its reader, in order. The statements share
    /// <paramref name="parameters"/> and run one after the other in the session's transaction, as
    /// separate queries would; each must answer a result (a query, or a write with <c>RETURNING</c>).
    /// </summary>
    public async Task QueryTogetherAsync(SqlParameters parameters, CancellationToken cancellationToken, params IReadOnlyList<SqlRead> statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var statement in statements)
        {
            // Each statement binds the tenant, not only the text they make together.
            RequireTenant(statement.Sql, parameters);
        }

        await SendSavepointsAsync(cancellationToken);
        var sql = string.Join("; ", statements.Select(statement => statement.Sql));
        // Kept like a statement alone: the command keeps every statement of its text prepared.
        var command = Command(sql, parameters, SqlScope.Tenant, sendsSavepoints: false, carriesPreambles: true, keep: true, out var preambleResults, out var kept);
        try
        {
            using var trace = Trace(command);
            using var limit = LimitStatement();
            await using var reader = await ReadPastPreamblesAsync(command, preambleResults, cancellationToken);
            for (var i = 0; i < statements.Count; i++)
            {
                if (i > 0 && !await reader.NextResultAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"The statement answered no result: {statements[i].Sql}");
                }

                while (await reader.ReadAsync(cancellationToken))
                {
                    statements[i].Read(reader);
                }
            }
        }
        finally
        {
            await ReleaseAsync(command, kept);
        }
    }

    /// <summary>The reader of <paramref name="command"/>, past the results of the preambles in front of its statement.</summary>
    private static async Task<DbDataReader> ReadPastPreamblesAsync(DbCommand command, int preambleResults, CancellationToken cancellationToken)
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken);
        try
        {
            for (var i = 0; i < preambleResults; i++)
            {
                await reader.NextResultAsync(cancellationToken);
            }

            return reader;
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Sends the batch's pending savepoint statements in a round trip of their own (before a query,
    /// whose results they must not precede), after the preambles not sent yet, which come first.
    /// </summary>
    private async Task SendSavepointsAsync(CancellationToken cancellationToken)
    {
        await SendHeldAsync(cancellationToken);
        var root = _batch ?? this;
        if (root._pendingSavepoints.Count == 0)
        {
            return;
        }

        await using var send = PendingCommand(root);
        await send.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sends the preambles and savepoint statements not sent yet, in a round trip of their own now.</summary>
    private void SendPending(SqlSession root)
    {
        using var send = PendingCommand(root);
        send.ExecuteNonQuery();
    }

    private DbCommand PendingCommand(SqlSession root)
    {
        var send = _connection.CreateCommand();
        send.Transaction = root._transaction;
        if (root._preambles.Count > 0)
        {
            var tenant = send.CreateParameter();
            tenant.ParameterName = SqlParameters.Tenant;
            tenant.Value = Dialect.Key(TenantId);
            send.Parameters.Add(tenant);
        }

        send.CommandText = TakePreambles(root) + (root._pendingSavepoints.Count > 0 ? TakePendingSavepoints(root) : "");
        return send;
    }

    private static string TakePreambles(SqlSession root)
    {
        var preambles = string.Concat(root._preambles.Select(statement => statement + "; "));
        root._preambles.Clear();
        return preambles;
    }

    private static string TakePendingSavepoints(SqlSession root)
    {
        var pending = string.Concat(root._pendingSavepoints.Select(statement => statement + "; "));
        root._pendingSavepoints.Clear();
        root._sentSavepoints = root._savepoints;
        return pending;
    }

    /// <summary>Whether this batch operation's SAVEPOINT has reached the database.</summary>
    private bool WasSent() => _batch is { } batch && _savepointNumber <= batch._sentSavepoints;

    /// <summary>
    /// <paramref name="read"/>'s result, read once per part of a batch (between two checkpoints) and
    /// held for the batch's later operations; outside a batch, read each time. For rows a batch's
    /// operations never write (the tenant's SCIM settings, its roles): a part holds the tenant's
    /// write lock, so no other writer can change them meanwhile, and the next part reads them again.
    /// </summary>
    public async Task<T> ReadOncePerBatchPartAsync<T>(string key, Func<Task<T>> read)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(read);
        if (_batch is not { } batch)
        {
            return await read();
        }

        batch._heldReads ??= new Dictionary<string, object>(StringComparer.Ordinal);
        if (batch._heldReads.TryGetValue(key, out var held))
        {
            return (T)held;
        }

        var value = await read();
        batch._heldReads[key] = value;
        return value;
    }

    /// <summary>Arms the session's statement budget for one statement, where the dialect does it per statement.</summary>
    private IDisposable? LimitStatement() => _statementBudget is { } budget ? Dialect.LimitStatement(_connection, budget) : null;

    /// <summary>
    /// A session that runs inside <paramref name="batch"/>'s transaction: a write session is a
    /// savepoint of it (<paramref name="write"/>), a read session sees what the batch wrote so far.
    /// </summary>
    public static Task<SqlSession> InsideAsync(SqlSession batch, bool write, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        _ = batch._transaction ?? throw new InvalidOperationException("The batch has ended.");
        var session = new SqlSession(batch._context, batch._connection, batch.Dialect, gate: null, Resources.ScimDateTime.Truncate(now), committed: null, started: 0)
        {
            _batch = batch,
            SerializesTenant = write && batch.SerializesTenant,
        };
        if (write)
        {
            session._savepointNumber = ++batch._savepoints;
            session._savepoint = "bulk_" + session._savepointNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            batch._pendingSavepoints.Add("SAVEPOINT " + session._savepoint);
        }

        return Task.FromResult(session);
    }

    /// <summary>
    /// Commits what a batch wrote so far and begins its next transaction, so a long batch lets
    /// other writers in between its parts; the write gate is left and entered again.
    /// </summary>
    public async Task CheckpointAsync(Func<CancellationToken, ValueTask<IDisposable>> enterGate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enterGate);
        if (_transaction is null || _batch is not null)
        {
            throw new InvalidOperationException("Only an open batch session takes checkpoints.");
        }

        await CommitAsync(cancellationToken);
        var left = _gate;
        _gate = null;
        left?.Dispose();
        _gate = await enterGate(cancellationToken);
        _wasCommitted = false;
        _transaction = await _connection.BeginTransactionAsync(cancellationToken);
        if (SerializesTenant && Dialect.SerializeTenantWrites(SqlParameters.Tenant) is { } serialize)
        {
            _preambles.Add(serialize);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_batch is not null)
        {
            if (_savepoint is not null && _batch._transaction is not null)
            {
                // Released with the next operation's first write, or by the batch's commit.
                if (WasSent())
                {
                    _batch._pendingSavepoints.Add("RELEASE SAVEPOINT " + _savepoint);
                }
                else
                {
                    _batch._pendingSavepoints.Remove("SAVEPOINT " + _savepoint);
                }

                _savepoint = null;
                _batch.WroteEvents |= WroteEvents;
            }

            return;
        }

        if (_transaction is not null)
        {
            // A commit ends every savepoint: the RELEASEs not sent yet are not needed. A lock not
            // taken yet guarded no statement.
            _pendingSavepoints.Clear();
            _preambles.Clear();
            _sentSavepoints = _savepoints;
            _heldReads = null;
            if (_heldLast is { } last)
            {
                // The last write and the COMMIT in one command (ISqlDialect.CommitsWithLastStatement).
                // Should the write fail, the database skips the COMMIT and disposing rolls back.
                _heldLast = null;
                last.CommandText = last.CommandText.TrimEnd().TrimEnd(';') + "; COMMIT";
                await using (last)
                {
                    using var trace = Trace(last);
                    await last.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            else
            {
                await _transaction.CommitAsync(cancellationToken);
            }

            await _transaction.DisposeAsync();
            _transaction = null;
            _wasCommitted = true;
            _committed?.Invoke();
            if (WroteEvents)
            {
                EventsCommitted?.Invoke();
            }

            await RefreshStatisticsAsync(cancellationToken);
        }
    }

    /// <summary>After a commit: the statistics of the tables the transaction changed in bulk.</summary>
    private async Task RefreshStatisticsAsync(CancellationToken cancellationToken)
    {
        var changed = _rowsChanged;
        _rowsChanged = null;
        if (changed is null)
        {
            return;
        }

        foreach (var (table, rows) in changed)
        {
            if (rows < BulkChangeRows || Dialect.RefreshStatistics(table) is not { } refresh)
            {
                continue;
            }

            try
            {
                await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
                await using var command = _connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = refresh;
                await command.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                DirectoryMetrics.StatisticsRefreshed(table);
            }
            catch (Exception exception) when (exception is DbException or OperationCanceledException)
            {
                // The write has committed: statistics are the planner's, and autovacuum refreshes them too.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_batch is not null)
        {
            if (_savepoint is not null && _batch._transaction is { } outer)
            {
                if (WasSent())
                {
                    // Statements still pending came after this savepoint, inside it: the rollback undoes them.
                    _batch._pendingSavepoints.Clear();
                    _batch._sentSavepoints = _batch._savepoints;
                    await outer.RollbackAsync(_savepoint);
                    await outer.ReleaseAsync(_savepoint);
                }
                else
                {
                    // Nothing was written under it: there is nothing to roll back.
                    _batch._pendingSavepoints.Remove("SAVEPOINT " + _savepoint);
                }
            }

            return;
        }

        try
        {
            if (_heldLast is not null)
            {
                // Never sent: the transaction rolls back without it.
                await _heldLast.DisposeAsync();
                _heldLast = null;
            }

            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }

            await _context.Database.CloseConnectionAsync();
            await _context.DisposeAsync();
        }
        finally
        {
            _gate?.Dispose();
            DirectoryMetrics.SessionClosed(_gate is not null);
            if (_gate is not null)
            {
                DirectoryMetrics.WriteFinished(_started, _wasCommitted);
            }
        }
    }
}
