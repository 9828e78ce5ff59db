using System.Net;
using System.Text.Json.Nodes;
using Roster.Directory.Tests.Support;
using Roster.Scim.Errors;

namespace Roster.Directory.Tests.Users;

public sealed class UserStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Create_returns_the_user_with_id_meta_and_version_1()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithExternalId("ext-1").WithName("Barbara", "Jensen").Build(), None)).Ok();

        Assert.True(Guid.TryParse(user.Id, out _));
        Assert.Equal(1, user.Version);
        Assert.Equal(user.Id, user.Text("id"));
        Assert.Equal("bjensen", user.Text("userName"));
        Assert.Equal("ext-1", user.Text("externalId"));
        var meta = user.Document["meta"]!;
        Assert.Equal("User", (string?)meta["resourceType"]);
        Assert.Equal("2026-01-01T10:00:00.000Z", (string?)meta["created"]);
        Assert.Equal("2026-01-01T10:00:00.000Z", (string?)meta["lastModified"]);
        Assert.Equal("W/\"1\"", (string?)meta["version"]);
        Assert.Null(user.Document["groups"]);

        var read = (await directory.Users.GetAsync(directory.Caller, user.Id, true, None)).Ok();
        Assert.True(JsonNode.DeepEquals(user.Document, read.Document));
    }

    [Fact]
    public async Task Create_accepts_a_password_and_stores_nothing_of_it()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithPassword("t1meMa$heen").Build(), None)).Ok();

        Assert.Null(user.Document["password"]);
        await using var db = directory.Database.CreateContext(directory.Caller.TenantId);
        var stored = Assert.Single(db.Users);
        Assert.DoesNotContain("t1meMa$heen", stored.Document, StringComparison.Ordinal);
        Assert.DoesNotContain("password", stored.Document, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Create_with_a_userName_taken_in_another_case_is_409_uniqueness_naming_it()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("BJensen").Build(), None)).Ok();

        var error = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Failed();

        Assert.Equal(HttpStatusCode.Conflict, error.Status);
        Assert.Equal(ScimErrorTypes.Uniqueness, error.ScimType);
        Assert.Contains("\"bjensen\"", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserName_uniqueness_ignores_case_beyond_ASCII()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("märta.müller").Build(), None)).Ok();

        var error = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("MÄRTA.MÜLLER").Build(), None)).Failed();

        Assert.Equal(ScimErrorTypes.Uniqueness, error.ScimType);
    }

    [Fact]
    public async Task The_same_userName_may_exist_in_two_tenants()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");

        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Ok();
        (await directory.Users.CreateAsync(other, new UserBuilder("bjensen").Build(), None)).Ok();
    }

    [Fact]
    public async Task ExternalId_is_not_unique()
    {
        await using var directory = await TestDirectory.CreateAsync();

        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("a").WithExternalId("same").Build(), None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("b").WithExternalId("same").Build(), None)).Ok();

        var page = (await directory.Users.ListAsync(directory.Caller, Requests.Query("externalId eq \"same\""), None)).Ok();
        Assert.Equal(2, page.TotalResults);
    }

    [Theory]
    [InlineData("2819c223-7f76-453a-919d-413861904646")]
    [InlineData("not-a-guid")]
    public async Task Get_of_an_unknown_id_is_404_naming_the_id_and_type(string id)
    {
        await using var directory = await TestDirectory.CreateAsync();

        var error = (await directory.Users.GetAsync(directory.Caller, id, true, None)).Failed();

        Assert.Equal(HttpStatusCode.NotFound, error.Status);
        Assert.Contains(id, error.Detail, StringComparison.Ordinal);
        Assert.Contains("User", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_write_to_an_unknown_id_is_404()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var id = Guid.NewGuid().ToString();

        Assert.Equal(HttpStatusCode.NotFound, (await directory.Users.ReplaceAsync(directory.Caller, id, new UserBuilder("x").Build(), null, None)).Failed().Status);
        Assert.Equal(HttpStatusCode.NotFound, (await directory.Users.PatchAsync(directory.Caller, id, Requests.Patch("""[{"op":"replace","path":"title","value":"x"}]"""), null, true, None)).Failed().Status);
        Assert.Equal(HttpStatusCode.NotFound, (await directory.Users.DeleteAsync(directory.Caller, id, null, None)).Failed().Status);
    }

    [Fact]
    public async Task Patch_bumps_version_and_lastModified()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Ok();
        directory.Advance(TimeSpan.FromMinutes(5));

        var patched = (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"title","value":"Tour Guide"}]"""), 1, true, None)).Ok();

        Assert.Equal(2, patched.Version);
        Assert.Equal("Tour Guide", patched.Text("title"));
        Assert.Equal("2026-01-01T10:05:00.000Z", (string?)patched.Document["meta"]!["lastModified"]);
        Assert.Equal("2026-01-01T10:00:00.000Z", (string?)patched.Document["meta"]!["created"]);
        Assert.Equal(2, (await directory.Users.GetAsync(directory.Caller, user.Id, true, None)).Ok().Version);
    }

    [Fact]
    public async Task A_stale_version_is_412_for_replace_patch_and_delete()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Ok();
        (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"title","value":"x"}]"""), 1, true, None)).Ok();

        var replace = (await directory.Users.ReplaceAsync(directory.Caller, user.Id, new UserBuilder("bjensen").Build(), 1, None)).Failed();
        var patch = (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"title","value":"y"}]"""), 1, true, None)).Failed();
        var delete = (await directory.Users.DeleteAsync(directory.Caller, user.Id, 1, None)).Failed();

        Assert.All([replace, patch, delete], e => Assert.Equal(HttpStatusCode.PreconditionFailed, e.Status));
        Assert.Contains("W/\"2\"", patch.Detail, StringComparison.Ordinal);
        Assert.Equal("x", (await directory.Users.GetAsync(directory.Caller, user.Id, true, None)).Ok().Text("title"));
    }

    [Fact]
    public async Task Replace_clears_what_the_body_omits_and_keeps_id_and_created()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithTitle("Guide").WithExternalId("e").Build(), None)).Ok();
        directory.Advance(TimeSpan.FromSeconds(1));

        var replaced = (await directory.Users.ReplaceAsync(directory.Caller, user.Id, new UserBuilder("bjensen").WithDisplayName("Babs").Build(), 1, None)).Ok();

        Assert.Equal(user.Id, replaced.Text("id"));
        Assert.Null(replaced.Document["title"]);
        Assert.Null(replaced.Document["externalId"]);
        Assert.Equal("Babs", replaced.Text("displayName"));
        Assert.Equal(2, replaced.Version);
        Assert.Equal("2026-01-01T10:00:00.000Z", (string?)replaced.Document["meta"]!["created"]);
    }

    [Fact]
    public async Task Renaming_a_user_to_a_taken_userName_is_409_and_changes_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("taken").Build(), None)).Ok();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Ok();

        var error = (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"userName","value":"TAKEN"}]"""), null, true, None)).Failed();

        Assert.Equal(ScimErrorTypes.Uniqueness, error.ScimType);
        var read = (await directory.Users.GetAsync(directory.Caller, user.Id, true, None)).Ok();
        Assert.Equal("bjensen", read.Text("userName"));
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task Removing_userName_is_400()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Ok();

        var error = (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"remove","path":"userName"}]"""), null, true, None)).Failed();

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
    }

    [Fact]
    public async Task Delete_then_get_is_404_and_a_second_delete_is_404()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithEmail("b@example.com").Build(), None)).Ok();

        Assert.True((await directory.Users.DeleteAsync(directory.Caller, user.Id, 1, None)).Ok());

        Assert.Equal(HttpStatusCode.NotFound, (await directory.Users.GetAsync(directory.Caller, user.Id, true, None)).Failed().Status);
        Assert.Equal(HttpStatusCode.NotFound, (await directory.Users.DeleteAsync(directory.Caller, user.Id, null, None)).Failed().Status);
        Assert.Equal(0, (await directory.Users.ListAsync(directory.Caller, Requests.Query("emails.value eq \"b@example.com\""), None)).Ok().TotalResults);
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Ok();
    }

    [Fact]
    public async Task Email_filters_follow_email_changes()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithEmail("old@example.com").Build(), None)).Ok();

        (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"emails[type eq \"work\"].value","value":"New@Example.com"}]"""), null, true, None)).Ok();

        Assert.Equal(0, (await directory.Users.ListAsync(directory.Caller, Requests.Query("emails.value eq \"old@example.com\""), None)).Ok().TotalResults);
        Assert.Equal(1, (await directory.Users.ListAsync(directory.Caller, Requests.Query("emails.value eq \"new@example.COM\""), None)).Ok().TotalResults);
    }

    [Fact]
    public async Task Active_false_from_Entra_as_a_string_is_stored_as_a_boolean()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithActive(true).Build(), None)).Ok();

        (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"Replace","path":"active","value":"False"}]"""), null, true, None)).Ok();

        Assert.Equal(1, (await directory.Users.ListAsync(directory.Caller, Requests.Query("active eq false"), None)).Ok().TotalResults);
    }
}
