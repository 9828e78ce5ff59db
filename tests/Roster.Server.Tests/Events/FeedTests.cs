using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using Roster.Directory.Database;
using Roster.Directory.Events;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Events;

/// <summary>The change feed over HTTP: what each directory change appends, the cursor, types, long polling, retention and errors.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class FeedTests(RosterServerFixture server)
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Fact]
    public async Task A_scim_create_appends_user_created_with_the_resource_after_the_cursor()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var head = await HeadAsync(admin.Http);
        var user = await admin.Tenant.Scim.CreateUserAsync("feed-alice@example.com", "\"displayName\":\"Alice\"");

        var page = await admin.Http.ReadFeedAsync(head);
        var created = Assert.Single(page["events"]!.AsArray())!.AsObject();
        Assert.Equal("user.created", (string)created["type"]!);
        Assert.Equal(head + 1, (long)created["sequence"]!);
        Assert.Equal(admin.OrgId.ToString(), (string)created["orgId"]!);
        Assert.Equal(1, (int)created["schemaVersion"]!);
        Assert.Equal(user.Id(), (string)created["resource"]!["id"]!);
        Assert.Equal(1, (long)created["resource"]!["version"]!);
        Assert.Equal("feed-alice@example.com", (string)created["data"]!["resource"]!["userName"]!);
        Assert.Equal("W/\"1\"", (string)created["data"]!["resource"]!["meta"]!["version"]!);
        Assert.Equal((head + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), (string)page["next"]!);

        var after = await admin.Http.ReadFeedAsync(head + 1);
        Assert.Empty(after["events"]!.AsArray());
    }

    [Fact]
    public async Task Each_kind_of_change_appends_its_event_types_in_commit_order()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var head = await HeadAsync(admin.Http);
        var scim = admin.Tenant.Scim;
        var user = await scim.CreateUserAsync("feed-bob@example.com");
        var group = await scim.CreateGroupAsync("Feed group");
        await PatchAsync(scim, $"Groups/{group.Id()}", $$"""{"op":"add","path":"members","value":[{"value":"{{user.Id()}}"}]}""");
        await PatchAsync(scim, $"Users/{user.Id()}", """{"op":"replace","path":"active","value":false}""");
        await PatchAsync(scim, $"Users/{user.Id()}", """{"op":"replace","path":"active","value":true}""");
        await PatchAsync(scim, $"Users/{user.Id()}", """{"op":"replace","path":"roles","value":[{"value":"Agent"}]}""", expectSuccess: false);
        await PatchAsync(scim, $"Groups/{group.Id()}", $$"""{"op":"remove","path":"members[value eq \"{{user.Id()}}\"]"}""");
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"Users/{user.Id()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await scim.DeleteAsync($"Groups/{group.Id()}")).StatusCode);

        var events = await admin.Http.ReadAllAsync(head);
        Assert.Equal(
            ["user.created", "group.created", "group.members.added", "user.deactivated", "user.reactivated", "group.members.removed", "user.deleted", "group.deleted"],
            events.Select(e => (string)e["type"]!));
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => head + i), events.Select(e => (long)e["sequence"]!));
        Assert.Equal(user.Id(), (string)events[2]["data"]!["added"]![0]!);
        Assert.Equal(user.Id(), (string)events[5]["data"]!["removed"]![0]!);
        Assert.Equal([2L, 3L], events.Where(e => ((string)e["type"]!).StartsWith("user.", StringComparison.Ordinal) && e["resource"]!["version"] is not null)
            .Skip(1).Select(e => (long)e["resource"]!["version"]!));
    }

    [Fact]
    public async Task A_role_change_of_an_employee_appends_employee_roles_changed()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var role = await admin.Http.PostAsJsonAsync("roles", new { name = "Feed readers", permissions = new[] { "employees.view" } });
        var roleId = (string)(await role.ReadObjectAsync())["id"]!;
        var employee = await server.AddEmployeeAsync(admin.Tenant);
        Assert.True((await admin.Http.PutAsJsonAsync("scim-settings", new { enabled = false, userNameMustBePrimaryEmail = false, namesNotUpdatable = false })).IsSuccessStatusCode);
        var head = await HeadAsync(admin.Http);

        var changed = await admin.Http.PutAsJsonAsync($"employees/{employee.EmployeeId}", new { roleIds = new[] { roleId } });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());

        var events = await admin.Http.ReadAllAsync(head);
        Assert.Contains(events, e => (string)e["type"]! == "user.updated" && (string)e["data"]!["resource"]!["id"]! == employee.EmployeeId.ToString());
        var roles = Assert.Single(events, e => (string)e["type"]! == "employee.roles.changed");
        Assert.Contains("Feed readers", roles["data"]!["roles"]!["after"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_write_appends_nothing()
    {
        var admin = await server.CreateWebhookAdminAsync();
        await admin.Tenant.Scim.CreateUserAsync("feed-taken@example.com");
        var head = await HeadAsync(admin.Http);

        var taken = await admin.Tenant.Scim.PostAsync("Users", ScimHttp.Json("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"FEED-TAKEN@example.com"}"""));

        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(head, await HeadAsync(admin.Http));
    }

    [Fact]
    public async Task Types_filter_the_page_and_the_cursor_still_moves_past_other_types()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var head = await HeadAsync(admin.Http);
        await admin.Tenant.Scim.CreateUserAsync("feed-types@example.com");
        await admin.Tenant.Scim.CreateGroupAsync("Feed types");

        var groups = await admin.Http.ReadFeedAsync(head, "&types=group.*");
        Assert.Equal(["group.created"], groups["events"]!.AsArray().Select(e => (string)e!["type"]!));
        var users = await admin.Http.ReadFeedAsync(head, "&types=user.created,user.deleted");
        Assert.Equal(["user.created"], users["events"]!.AsArray().Select(e => (string)e!["type"]!));
        var none = await admin.Http.ReadFeedAsync(head, "&types=role.created");
        Assert.Empty(none["events"]!.AsArray());
        Assert.Equal((string)none["head"]!, (string)none["next"]!);
    }

    [Theory]
    [InlineData("after=abc", "after")]
    [InlineData("after=-1", "after")]
    [InlineData("after=99999", "after")]
    [InlineData("after=0&limit=0", "limit")]
    [InlineData("after=0&limit=1001", "limit")]
    [InlineData("after=0&types=user.exploded", "types")]
    [InlineData("after=0&wait=61s", "wait")]
    [InlineData("after=0&wait=soon", "wait")]
    public async Task Bad_parameters_are_a_problem_that_names_the_field(string query, string field)
    {
        var admin = await server.CreateWebhookAdminAsync();

        var response = await admin.Http.GetAsync($"events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task A_long_poll_answers_within_a_second_of_the_commit()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var head = await HeadAsync(admin.Http);
        var poll = admin.Http.GetAsync($"events?after={head}&wait=30s");

        // The poll is waiting: nothing has committed yet.
        await Task.WhenAny(poll, Task.Delay(TimeSpan.FromMilliseconds(300)));
        Assert.False(poll.IsCompleted);
        await admin.Tenant.Scim.CreateUserAsync("feed-poll@example.com");
        var committed = Stopwatch.StartNew();
        var response = await poll;
        var heard = committed.Elapsed;

        var page = await response.ReadObjectAsync();
        Assert.Equal("user.created", (string)page["events"]![0]!["type"]!);
        Assert.True(heard < TimeSpan.FromSeconds(1), $"The long poll answered {heard.TotalMilliseconds:0} ms after the commit.");
    }

    [Fact]
    public async Task A_long_poll_with_nothing_to_say_answers_empty_when_the_wait_is_over()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var head = await HeadAsync(admin.Http);

        var page = await admin.Http.ReadFeedAsync(head, "&wait=1");

        Assert.Empty(page["events"]!.AsArray());
        Assert.Equal(head.ToString(System.Globalization.CultureInfo.InvariantCulture), (string)page["next"]!);
    }

    [Fact]
    public async Task A_cursor_behind_retention_is_told_to_resynchronize_and_later_cursors_still_read()
    {
        var admin = await server.CreateWebhookAdminAsync();
        var head = await HeadAsync(admin.Http);
        for (var i = 0; i < 3; i++)
        {
            await admin.Tenant.Scim.CreateUserAsync($"feed-old-{i}@example.com");
        }

        // Thirty-one days later, for this tenant only (the server is shared).
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(31));
        var retention = new EventRetention(server.Services.GetRequiredService<DirectoryDatabase>(), new EventFeedOptions(), later);
        Assert.True(await retention.PruneTenantAsync(admin.OrgId, CancellationToken.None) >= 2);

        var gone = await admin.Http.GetAsync($"events?after={head + 1}");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("Resynchronize", (string)(await gone.ReadObjectAsync())["detail"]!, StringComparison.Ordinal);
        var newest = await admin.Http.ReadFeedAsync(head + 2);
        Assert.Equal(head + 3, (long)newest["events"]![0]!["sequence"]!);

        // The newest event is kept, so the feed goes on without a gap.
        await admin.Tenant.Scim.CreateUserAsync("feed-new@example.com");
        Assert.Equal(head + 4, (long)(await admin.Http.ReadFeedAsync(head + 3))["events"]![0]!["sequence"]!);
    }

    [Fact]
    public async Task The_feed_needs_events_read()
    {
        var admin = await server.CreateAdminAsync("employees.edit", "audit.view");

        var response = await admin.Http.GetAsync("events?after=0");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("events.read", (string)(await response.ReadObjectAsync())["detail"]!, StringComparison.Ordinal);
    }

    private static async Task<long> HeadAsync(HttpClient admin) =>
        long.Parse((string)(await admin.ReadFeedAsync(0, "&limit=1"))["head"]!, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task PatchAsync(HttpClient scim, string path, string operation, bool expectSuccess = true)
    {
        var response = await scim.PatchAsync(path, $$"""{"schemas":["{{PatchOp}}"],"Operations":[{{operation}}]}""");
        if (expectSuccess)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }
}
