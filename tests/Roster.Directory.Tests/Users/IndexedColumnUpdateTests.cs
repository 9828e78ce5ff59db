using Roster.Directory.Audit;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Users;

/// <summary>
/// A PATCH or PUT sets an indexed column of <c>users</c> only when its value changed: what
/// changed is found by every filter, what did not is still found, and the write is otherwise
/// the same (version, <c>meta.lastModified</c>, audit row, event).
/// </summary>
public sealed class IndexedColumnUpdateTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_patch_that_changes_no_indexed_column_bumps_version_audits_and_keeps_every_key()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithExternalId("ext-1").WithDisplayName("Babs Jensen")
            .WithEmail("bjensen@example.com").WithActive(true).Build(), None)).Ok();
        directory.Advance(TimeSpan.FromMinutes(5));

        var deactivated = (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","value":{"active":false}}]"""), 1, true, None)).Ok();
        directory.Advance(TimeSpan.FromMinutes(5));
        var same = (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"Replace","path":"displayName","value":"Babs Jensen"}]"""), 2, true, None)).Ok();

        Assert.Equal(2, deactivated.Version);
        Assert.Equal("2026-01-01T10:05:00.000Z", (string?)deactivated.Document["meta"]!["lastModified"]);
        Assert.Equal(3, same.Version);
        Assert.Equal("W/\"3\"", (string?)same.Document["meta"]!["version"]);
        Assert.Equal("2026-01-01T10:10:00.000Z", (string?)same.Document["meta"]!["lastModified"]);
        Assert.Equal("2026-01-01T10:00:00.000Z", (string?)same.Document["meta"]!["created"]);
        foreach (var filter in new[] { "userName eq \"BJENSEN\"", "externalId eq \"ext-1\"", "displayName eq \"babs jensen\"", "emails.value eq \"bjensen@example.com\"", "active eq false" })
        {
            Assert.Equal(1, (await directory.Users.ListAsync(directory.Caller, Requests.Query(filter), None)).Ok().TotalResults);
        }

        var audit = await EmployeeSetup.EventsAsync(directory, Guid.Parse(user.Id));
        Assert.Equal([AuditActions.UserCreate, AuditActions.UserUpdate, AuditActions.UserUpdate], audit.Select(e => e.Action));
        Assert.Equal(["active"], audit[1].Changes.Select(c => c.Key));
        Assert.Empty(audit[2].Changes);
        Assert.Equal(["user.created", "user.deactivated", "user.updated"], await directory.QuerySqlAsync("SELECT type FROM events ORDER BY sequence"));

        // The name is still held: another user cannot take it in any case.
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("BJensen").Build(), None)).Failed().Status);
    }

    [Fact]
    public async Task Each_indexed_attribute_changed_alone_moves_its_key_and_leaves_the_others()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithExternalId("ext-1").WithDisplayName("Babs").Build(), None)).Ok();

        (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"externalId","value":"ext-2"}]"""), null, true, None)).Ok();
        (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"displayName","value":"Barbara"}]"""), null, true, None)).Ok();
        var renamed = (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"userName","value":"barbara"}]"""), null, true, None)).Ok();

        Assert.Equal(4, renamed.Version);
        foreach (var (filter, found) in new[]
        {
            ("externalId eq \"ext-1\"", 0), ("externalId eq \"ext-2\"", 1), ("displayName eq \"babs\"", 0), ("displayName eq \"BARBARA\"", 1),
            ("userName eq \"bjensen\"", 0), ("userName eq \"Barbara\"", 1),
        })
        {
            Assert.Equal(found, (await directory.Users.ListAsync(directory.Caller, Requests.Query(filter), None)).Ok().TotalResults);
        }

        // The old name is free again, the new one is held.
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("BJENSEN").Build(), None)).Ok();
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("BARBARA").Build(), None)).Failed().Status);
    }

    [Fact]
    public async Task The_update_sets_only_the_indexed_columns_whose_value_changed()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithExternalId("ext-1").WithDisplayName("Babs").WithActive(true).Build(), None)).Ok();
        using var log = new SqlLog(directory.Caller.TenantId);

        (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","value":{"active":false}}]"""), null, true, None)).Ok();
        var deactivation = Update(log);
        log.Clear();
        (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"Replace","path":"displayName","value":"Barbara"}]"""), null, true, None)).Ok();
        var rename = Update(log);

        // Each set index column costs SQLite a rewrite of its index entry, same value or not.
        Assert.DoesNotContain("user_name_key =", deactivation, StringComparison.Ordinal);
        Assert.DoesNotContain("external_id =", deactivation, StringComparison.Ordinal);
        Assert.DoesNotContain("display_name_key =", deactivation, StringComparison.Ordinal);
        Assert.Contains("display_name_key =", rename, StringComparison.Ordinal);
        Assert.DoesNotContain("user_name_key =", rename, StringComparison.Ordinal);
        Assert.DoesNotContain("external_id =", rename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replace_that_keeps_the_names_and_changes_the_title_keeps_every_key()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithExternalId("ext-1").WithDisplayName("Babs").Build(), None)).Ok();

        var replaced = (await directory.Users.ReplaceAsync(directory.Caller, user.Id, new UserBuilder("bjensen").WithExternalId("ext-1").WithDisplayName("Babs").WithTitle("Tour Guide").Build(), null, None)).Ok();

        Assert.Equal(2, replaced.Version);
        Assert.Equal("Tour Guide", replaced.Text("title"));
        foreach (var filter in new[] { "userName eq \"bjensen\"", "externalId eq \"ext-1\"", "displayName eq \"babs\"", "title eq \"Tour Guide\"" })
        {
            Assert.Equal(1, (await directory.Users.ListAsync(directory.Caller, Requests.Query(filter), None)).Ok().TotalResults);
        }
    }

    private static string Update(SqlLog log) => Assert.Single(log.Statements.SelectMany(s => s.Split(';')), s => s.TrimStart().StartsWith("UPDATE users SET", StringComparison.Ordinal));
}
