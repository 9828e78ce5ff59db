using System.Data;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Tests.Support;
using Roster.Directory.Tokens;

namespace Roster.Directory.Tests.Database;

/// <summary>
/// SQLite connections stay open between sessions, with their statements prepared: what another
/// connection or server commits is still seen by the next statement, and a session that ends
/// inside a transaction leaves neither its connection open nor its lock held.
/// </summary>
public sealed class KeptConnectionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // sqlite3.h: #define SQLITE_STMTSTATUS_REPREPARE 5
    private const int SqliteStmtStatusReprepare = 5;

    [Fact]
    public async Task A_token_revoked_on_another_node_is_refused_at_the_next_check()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var other = directory.OtherNode();
        var verifier = directory.Get<ScimTokenVerifier>();
        var issued = await directory.Get<IssueOperatorScimToken>().ExecuteAsync(directory.Caller.TenantId, "Okta", null, None);

        // Checked twice: the check's statement is prepared and its connection kept open.
        Assert.True((await verifier.VerifyAsync(issued.Token, null, None)).Succeeded);
        Assert.True((await verifier.VerifyAsync(issued.Token, null, None)).Succeeded);
        Assert.True(await other.GetRequiredService<RevokeScimToken>().ExecuteAsync(directory.Caller.TenantId, issued.Id, None));
        var refused = await verifier.VerifyAsync(issued.Token, null, None);

        Assert.False(refused.Succeeded);
        Assert.Equal(ScimTokenVerifier.RevokedReason, refused.FailureReason);
    }

    [Fact]
    public async Task A_token_whose_owner_is_deactivated_on_another_node_is_refused_at_the_next_check()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var other = directory.OtherNode();
        var verifier = directory.Get<ScimTokenVerifier>();
        var owner = (await directory.Users.CreateAsync(directory.Caller, User("owner@example.com"), None)).Ok();
        var issued = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", Guid.Parse(owner.Id), null), None)).Ok();
        Assert.True((await verifier.VerifyAsync(issued.Token, null, None)).Succeeded);
        Assert.True((await verifier.VerifyAsync(issued.Token, null, None)).Succeeded);

        var users = other.GetRequiredKeyedService<IScimResourceStore>(DirectoryServiceCollectionExtensions.UsersKey);
        (await users.PatchAsync(directory.Caller, owner.Id, Requests.Patch("""[{"op":"replace","path":"active","value":false}]"""), null, false, None)).Ok();
        var refused = await verifier.VerifyAsync(issued.Token, null, None);

        Assert.False(refused.Succeeded);
        Assert.Equal(ScimTokenVerifier.OwnerDeactivatedReason, refused.FailureReason);
    }

    [SqliteFact]
    public async Task A_connection_stays_open_between_sessions_and_a_closed_one_is_opened_again()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var node = directory.OtherNode();
        var database = node.GetRequiredService<DirectoryDatabase>();
        var tenant = directory.Caller.TenantId;
        await using (var session = await database.ReadAsync(tenant, None))
        {
            await session.ScalarAsync("SELECT count(*) FROM users WHERE tenant_id = @tenant", session.Parameters(), None);
        }

        // The pool holds the one context the session used; it comes back with its connection open.
        SqliteConnection connection;
        await using (var context = database.CreateContext(tenant))
        {
            connection = (SqliteConnection)context.Database.GetDbConnection();
            Assert.Equal(ConnectionState.Open, connection.State);
            connection.Close();
        }

        await using (var session = await database.ReadAsync(tenant, None))
        {
            Assert.Equal(0L, await session.ScalarAsync("SELECT count(*) FROM users WHERE tenant_id = @tenant", session.Parameters(), None));
        }

        Assert.Equal(ConnectionState.Open, connection.State);
    }

    [SqliteFact]
    public async Task A_kept_statement_with_a_bound_limit_is_not_prepared_again_when_the_limit_is_bound_again()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var node = directory.OtherNode();
        var database = node.GetRequiredService<DirectoryDatabase>();
        await using var context = database.CreateContext(directory.Caller.TenantId);
        await context.Database.OpenConnectionAsync();
        var handle = ((SqliteConnection)context.Database.GetDbConnection()).Handle!;

        // SQLite reads a LIMIT's bound value while planning, unless plans are kept whatever the
        // values: then each new binding would make the statement be parsed and planned again.
        Assert.Equal(SQLitePCL.raw.SQLITE_OK, SQLitePCL.raw.sqlite3_prepare_v2(handle, "SELECT id FROM users WHERE tenant_id = ?1 LIMIT ?2", out var statement));
        using (statement)
        {
            foreach (var limit in new[] { 1, 2, 3 })
            {
                SQLitePCL.raw.sqlite3_bind_blob(statement, 1, directory.Caller.TenantId.ToByteArray());
                SQLitePCL.raw.sqlite3_bind_int(statement, 2, limit);
                while (SQLitePCL.raw.sqlite3_step(statement) == SQLitePCL.raw.SQLITE_ROW)
                {
                }

                SQLitePCL.raw.sqlite3_reset(statement);
            }

            Assert.Equal(0, SQLitePCL.raw.sqlite3_stmt_status(statement, SqliteStmtStatusReprepare, 0));
        }
    }

    [SqliteFact]
    public async Task A_session_that_ends_inside_a_transaction_gives_up_its_connection_and_its_lock()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await using var node = directory.OtherNode();
        var database = node.GetRequiredService<DirectoryDatabase>();
        SqliteConnection connection;
        await using (var context = database.CreateContext(directory.Caller.TenantId))
        {
            await context.Database.OpenConnectionAsync();
            connection = (SqliteConnection)context.Database.GetDbConnection();

            // A transaction begun on the connection itself and never ended: EF does not know of it.
            var transaction = connection.BeginTransaction(deferred: false);
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "CREATE TABLE left_behind (id INTEGER)";
            await insert.ExecuteNonQueryAsync();
        }

        Assert.Equal(ConnectionState.Closed, connection.State);
        await using var another = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = directory.FilePath, Pooling = false }.ToString());
        await another.OpenAsync();
        await using var write = another.CreateCommand();
        write.CommandText = "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE; SELECT count(*) FROM sqlite_master WHERE name = 'left_behind'; ROLLBACK;";
        Assert.Equal(0L, await write.ExecuteScalarAsync());
    }

    [SqliteFact]
    public async Task A_statement_is_prepared_once_per_connection()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var dialect = directory.Database.Dialect;
        await using var context = directory.Database.CreateContext(directory.Caller.TenantId);
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();
        const string Sql = "SELECT count(*) FROM users WHERE tenant_id = @tenant";

        var first = dialect.KeptCommand(connection, Sql);
        var again = dialect.KeptCommand(connection, Sql);

        Assert.NotNull(first);
        Assert.Same(first, again);
        Assert.NotSame(first, dialect.KeptCommand(connection, Sql + " AND id = @p1"));
    }

    private static JsonObject User(string userName) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
        ["userName"] = userName,
        ["active"] = true,
    };
}
