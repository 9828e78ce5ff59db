using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Roster.Directory.Database;
using Roster.Directory.Users;
using Roster.Storage.Sqlite;

namespace Roster.MicroBench;

/// <summary>
/// The connection per request: a read session opened and closed (a pooled EF context and its
/// pooled SQLite connection), the same with the GET by id statement, and that statement on a bare
/// pooled connection with a new command each time (what a session does) against one command
/// prepared once and run again (what preparing per connection would save); and a bare pooled
/// connection opened and closed, without EF Core.
/// </summary>
[MemoryDiagnoser]
public class SessionBenchmarks : IDisposable
{
    private const string GetById = "SELECT document, version FROM users WHERE tenant_id = $tenant AND id = $id";

    private InMemoryRoster _roster = null!;
    private DirectoryDatabase _database = null!;
    private Guid _userId;
    private byte[] _tenantKey = null!;
    private byte[] _userKey = null!;
    private SqliteConnection _connection = null!;
    private SqliteCommand _prepared = null!;
    private string _connectionString = null!;

    [GlobalSetup]
    public void Setup()
    {
        _roster = InMemoryRoster.StartAsync().GetAwaiter().GetResult();
        _database = _roster.Services.GetRequiredService<DirectoryDatabase>();
        _userId = Guid.Parse(_roster.CreateUserAsync("session@example.com").GetAwaiter().GetResult());
        _tenantKey = (byte[])_database.Dialect.Key(_roster.TenantId);
        _userKey = (byte[])_database.Dialect.Key(_userId);
        using var context = _database.CreateContext(_roster.TenantId);
        _connectionString = SqliteConnectionStrings.From(((SqliteConnection)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(context.Database)).ConnectionString);
        _connection = new SqliteConnection(_connectionString);
        _connection.Open();
        _prepared = NewCommand();
        _prepared.Prepare();
    }

    [GlobalCleanup]
    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _prepared.Dispose();
        _connection.Dispose();
        _roster.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task OpenAndCloseReadSession()
    {
        await using var session = await _database.ReadAsync(_roster.TenantId, CancellationToken.None);
    }

    /// <summary>A pooled connection of the same file opened and closed without EF Core: what the session adds is the difference.</summary>
    [Benchmark]
    public void OpenAndCloseBareConnection()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
    }

    [Benchmark]
    public async Task<bool> ReadSessionWithGetById()
    {
        await using var session = await _database.ReadAsync(_roster.TenantId, CancellationToken.None);
        return await UserSql.ReadAsync(session, _userId, CancellationToken.None) is not null;
    }

    [Benchmark]
    public object? GetByIdNewCommand()
    {
        using var command = NewCommand();
        return command.ExecuteScalar();
    }

    [Benchmark]
    public object? GetByIdPreparedCommand() => _prepared.ExecuteScalar();

    private SqliteCommand NewCommand()
    {
        var command = _connection.CreateCommand();
        command.CommandText = GetById;
        command.Parameters.AddWithValue("$tenant", _tenantKey);
        command.Parameters.AddWithValue("$id", _userKey);
        return command;
    }
}
