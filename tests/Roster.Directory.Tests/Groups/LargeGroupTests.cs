using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Audit;
using Roster.Directory.Tests.Support;
using Xunit.Abstractions;

namespace Roster.Directory.Tests.Groups;

/// <summary>A group of 100,000 members stays cheap to change (ARCHITECTURE decision 3).</summary>
public sealed class LargeGroupTests(ITestOutputHelper output)
{
    private const int Members = 100_000;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Adding_or_removing_one_member_of_a_100000_member_group_never_reads_the_member_list()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var users = await SeedUsersAsync(directory, Members + 1);
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Everyone").Build(), None)).Ok();
        for (var i = 0; i < Members; i += 5_000)
        {
            (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers([.. users.Skip(i).Take(5_000)]), null, false, None)).Ok();
        }

        directory.Advance(TimeSpan.FromSeconds(1));
        using var log = new SqlLog(directory.Caller.TenantId);
        var clock = Stopwatch.StartNew();
        var added = (await directory.Groups.PatchAsync(directory.Caller, group.Id, Requests.AddMembers(users[Members]), null, false, None)).Ok();
        var addTime = clock.Elapsed;
        var addStatements = log.Statements;
        log.Clear();
        directory.Advance(TimeSpan.FromSeconds(1));
        var removed = (await directory.Groups.PatchAsync(directory.Caller, group.Id,
            Requests.Patch($$"""[{"op":"remove","path":"members[value eq \"{{users[0]}}\"]"}]"""), null, false, None)).Ok();
        output.WriteLine($"Adding one member to {Members} took {addTime.TotalMilliseconds:F2} ms: {string.Join(" ; ", addStatements)}");

        // Apart from the SCIM switch's settings read (cached for a few seconds, so present or not
        // depending on the clock), the write is one command of the version bump, the walk up to the
        // groups above this one (a member that is one of them would make a cycle), the look-up of
        // the role rules above the group (none here) and the member's row (a user closes no
        // cycle); then one audit event with its change event.
        Assert.Null(added.Document["members"]);
        Assert.Collection(WithoutSwitchReads(addStatements),
            s =>
            {
                Assert.Contains("UPDATE groups SET version = version + 1", s, StringComparison.Ordinal);
                Assert.Contains("SELECT above.id FROM above", s, StringComparison.Ordinal);
                Assert.Contains("FROM role_rules", s, StringComparison.Ordinal);
                Assert.Contains("INSERT INTO group_members", s, StringComparison.Ordinal);
            },
            s => Assert.StartsWith("INSERT INTO audit_events", s, StringComparison.Ordinal));
        Assert.Collection(WithoutSwitchReads(log.Statements),
            s =>
            {
                Assert.Contains("UPDATE groups SET version = version + 1", s, StringComparison.Ordinal);
                Assert.DoesNotContain("SELECT above.id FROM above", s, StringComparison.Ordinal);
                Assert.Contains("FROM role_rules", s, StringComparison.Ordinal);
                Assert.Contains("DELETE FROM group_members", s, StringComparison.Ordinal);
            },
            s => Assert.StartsWith("INSERT INTO audit_events", s, StringComparison.Ordinal));
        Assert.Equal(added.Version + 1, removed.Version);
        var events = (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { PageSize = 2 }, None)).Ok().Events;
        Assert.Equal(AuditActions.GroupMembersRemove, events[0].Action);
        Assert.Equal(users[0], (string?)events[0].Changes["members"]!["removed"]![0]);
        Assert.Single(events[0].Changes["members"]!["removed"]!.AsArray());
        Assert.Equal(AuditActions.GroupMembersAdd, events[1].Action);
        Assert.Equal(users[Members], (string?)events[1].Changes["members"]!["added"]![0]);
        Assert.Single(events[1].Changes["members"]!["added"]!.AsArray());
        Assert.Equal(Members, await CountMembersAsync(directory));
    }

    // Straight into the tables, in multi-row statements: 100,000 SCIM creates would take minutes.
    private static async Task<List<string>> SeedUsersAsync(TestDirectory directory, int count)
    {
        const int RowsPerStatement = 500;
        var dialect = directory.Database.Dialect;
        var created = dialect.Timestamp(TestDirectory.Start);
        var ids = new List<string>(count);
        await using var context = directory.Database.CreateContext(directory.Caller.TenantId);
        await context.Database.OpenConnectionAsync();
        var connection = context.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var first = 0; first < count; first += RowsPerStatement)
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            Add(insert, "@tenant", dialect.Key(directory.Caller.TenantId));
            Add(insert, "@created", created);
            var rows = new List<string>();
            for (var i = first; i < Math.Min(count, first + RowsPerStatement); i++)
            {
                var user = Guid.CreateVersion7();
                var userName = "member" + i.ToString(CultureInfo.InvariantCulture);
                var n = i.ToString(CultureInfo.InvariantCulture);
                Add(insert, "@id" + n, dialect.Key(user));
                Add(insert, "@name" + n, userName);
                Add(insert, "@key" + n, userName.ToUpperInvariant());
                Add(insert, "@document" + n, $$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{user}}","userName":"{{userName}}"}""");
                rows.Add($"(@tenant, @id{n}, @name{n}, @key{n}, @created, @created, 1, {dialect.Document("@document" + n)})");
                ids.Add(user.ToString());
            }

            insert.CommandText = "INSERT INTO users (tenant_id, id, user_name, user_name_key, created, last_modified, version, document) VALUES " + string.Join(", ", rows);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return ids;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    // PostgreSQL's write sessions also start with the tenant's write lock (ISqlDialect.SerializeTenantWrites).
    private static List<string> WithoutSwitchReads(IEnumerable<string> statements) =>
        statements.Select(WithoutTenantLock).Where(s => !s.StartsWith("SELECT enabled", StringComparison.Ordinal)).ToList();

    // On PostgreSQL the tenant's write lock rides in front of a write's first statement (ISqlDialect.SerializeTenantWrites).
    private static string WithoutTenantLock(string statement)
    {
        var end = statement.IndexOf("; ", StringComparison.Ordinal);
        return statement.StartsWith("SELECT pg_advisory_xact_lock", StringComparison.Ordinal) && end >= 0 ? statement[(end + 2)..] : statement;
    }

    private static async Task<long> CountMembersAsync(TestDirectory directory) =>
        long.Parse(Assert.Single(await directory.QuerySqlAsync("SELECT COUNT(*) FROM group_members"))!, CultureInfo.InvariantCulture);
}
