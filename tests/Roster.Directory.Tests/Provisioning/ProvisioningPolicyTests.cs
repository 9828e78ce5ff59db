using System.Net;
using System.Text.Json.Nodes;
using Roster.Directory.Audit;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;
using Roster.Scim.Errors;

namespace Roster.Directory.Tests.Provisioning;

public sealed class ProvisioningPolicyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_role_that_exists_exactly_is_accepted_and_stored()
    {
        await using var directory = await WithRolesAsync("Agent", "Supervisor");

        var user = (await directory.Users.CreateAsync(directory.Caller, WithRoles(new UserBuilder("bjensen"), "Supervisor"), None)).Ok();

        Assert.Equal(["Supervisor"], RoleValues(user.Document));
    }

    [Fact]
    public async Task A_role_in_another_case_is_400_invalidValue_naming_it_and_the_existing_roles()
    {
        await using var directory = await WithRolesAsync("Agent", "Supervisor");

        var error = (await directory.Users.CreateAsync(directory.Caller, WithRoles(new UserBuilder("bjensen"), "agent"), None)).Failed();

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Equal("The role 'agent' does not exist in this organization; role names are case-sensitive (existing: Agent, Supervisor).", error.Detail);
        Assert.Equal(0, (await directory.Users.ListAsync(directory.Caller, Requests.Query(), None)).Ok().TotalResults);
    }

    [Fact]
    public async Task The_error_lists_at_most_five_existing_roles()
    {
        await using var directory = await WithRolesAsync("A", "B", "C", "D", "E", "F", "G");

        var error = (await directory.Users.CreateAsync(directory.Caller, WithRoles(new UserBuilder("bjensen"), "Z"), None)).Failed();

        Assert.EndsWith("(existing: A, B, C, D, E and 2 more).", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_role_is_refused()
    {
        await using var directory = await WithRolesAsync("Agent", "Old");
        var old = (await directory.Get<ListRoles>().ExecuteAsync(directory.Caller.TenantId, None)).Single(r => r.Name == "Old");
        (await directory.Get<DeactivateRole>().ExecuteAsync(directory.Admin, old.Id, None)).Ok();

        var error = (await directory.Users.CreateAsync(directory.Caller, WithRoles(new UserBuilder("bjensen"), "Old"), None)).Failed();

        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Contains("'Old' is deactivated", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_role_sent_gives_the_default_role_and_a_role_sent_replaces_it()
    {
        await using var directory = await WithRolesAsync("Agent", "Guest");
        await SetRolesAsync(directory, defaultRole: "Guest", requiredRole: null);

        var plain = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("a").Build(), None)).Ok();
        var agent = (await directory.Users.CreateAsync(directory.Caller, WithRoles(new UserBuilder("b"), "Agent"), None)).Ok();

        Assert.Equal(["Guest"], RoleValues(plain.Document));
        Assert.Equal(["Agent"], RoleValues(agent.Document));
    }

    [Fact]
    public async Task The_required_role_is_added_to_every_user_once()
    {
        await using var directory = await WithRolesAsync("Agent", "Supervisor");
        await SetRolesAsync(directory, defaultRole: null, requiredRole: "Agent");

        var plain = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("a").Build(), None)).Ok();
        var supervisor = (await directory.Users.CreateAsync(directory.Caller, WithRoles(new UserBuilder("b"), "Supervisor"), None)).Ok();
        var agent = (await directory.Users.CreateAsync(directory.Caller, WithRoles(new UserBuilder("c"), "Agent"), None)).Ok();
        var patched = (await directory.Users.PatchAsync(directory.Caller, supervisor.Id, Requests.Patch("""[{"op":"remove","path":"roles"}]"""), null, false, None)).Ok();

        Assert.Equal(["Agent"], RoleValues(plain.Document));
        Assert.Equal(["Supervisor", "Agent"], RoleValues(supervisor.Document));
        Assert.Equal(["Agent"], RoleValues(agent.Document));
        Assert.Equal(["Agent"], RoleValues(patched.Document));
    }

    [Fact]
    public async Task A_required_role_that_is_no_longer_active_fails_every_write_naming_it()
    {
        await using var directory = await WithRolesAsync("Agent");
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Ok();
        await SetRolesAsync(directory, defaultRole: null, requiredRole: "Agent");

        // DeactivateRole refuses while it is the required role; the database can still end up so (restore, manual edit).
        await directory.ExecuteSqlAsync("UPDATE roles SET active = FALSE");
        var created = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("other").Build(), None)).Failed();
        var patched = (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"title","value":"X"}]"""), null, false, None)).Failed();

        Assert.All(new[] { created, patched }, e =>
        {
            Assert.Equal(ScimErrorTypes.InvalidValue, e.ScimType);
            Assert.Contains("required role 'Agent'", e.Detail, StringComparison.Ordinal);
        });
        Assert.Equal(1, (await directory.Users.GetAsync(directory.Caller, user.Id, false, None)).Ok().Version);
    }

    [Fact]
    public async Task Roles_are_checked_on_replace_and_patch_too()
    {
        await using var directory = await WithRolesAsync("Agent");
        var user = (await directory.Users.CreateAsync(directory.Caller, WithRoles(new UserBuilder("bjensen"), "Agent"), None)).Ok();

        var replaced = (await directory.Users.ReplaceAsync(directory.Caller, user.Id, WithRoles(new UserBuilder("bjensen"), "Agnet"), null, None)).Failed();
        var patched = (await directory.Users.PatchAsync(directory.Caller, user.Id,
            Requests.Patch("""[{"op":"add","path":"roles","value":[{"value":"Boss"}]}]"""), null, false, None)).Failed();

        Assert.Contains("'Agnet'", replaced.Detail, StringComparison.Ordinal);
        Assert.Contains("'Boss'", patched.Detail, StringComparison.Ordinal);
        await AssertUnchangedAsync(directory, user);
    }

    [Theory]
    [InlineData("bjensen", "bjensen@example.com", "userName 'bjensen' is not an email address")]
    [InlineData("babs@example.com", "bjensen@example.com", "userName 'babs@example.com' must equal the primary email 'bjensen@example.com'")]
    public async Task With_the_email_policy_userName_must_be_the_primary_email(string userName, string email, string expected)
    {
        await using var directory = await TestDirectory.CreateAsync();
        await SetPoliciesAsync(directory, userNameIsEmail: true, namesFixed: false);

        var error = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder(userName).WithEmail(email, primary: true).Build(), None)).Failed();

        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Contains(expected, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_email_policy_a_userName_equal_to_the_primary_email_ignoring_case_is_accepted()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await SetPoliciesAsync(directory, userNameIsEmail: true, namesFixed: false);

        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("BJensen@Example.com")
            .WithEmail("home@example.net", "home").WithEmail("bjensen@example.com", primary: true).Build(), None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("solo@example.com").WithEmail("solo@example.com").Build(), None)).Ok();
        var none = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("nomail@example.com").Build(), None)).Failed();

        Assert.Contains("has none", none.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_email_policy_a_patch_that_moves_userName_away_from_the_email_is_refused()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await SetPoliciesAsync(directory, userNameIsEmail: true, namesFixed: false);
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("b@example.com").WithEmail("b@example.com").Build(), None)).Ok();

        var error = (await directory.Users.PatchAsync(directory.Caller, user.Id,
            Requests.Patch("""[{"op":"replace","path":"userName","value":"c@example.com"}]"""), null, false, None)).Failed();

        Assert.Contains("'c@example.com' must equal the primary email 'b@example.com'", error.Detail, StringComparison.Ordinal);
        await AssertUnchangedAsync(directory, user);
    }

    [Fact]
    public async Task With_names_not_updatable_creating_with_a_name_is_fine_but_changing_it_is_400_mutability()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await SetPoliciesAsync(directory, userNameIsEmail: false, namesFixed: true);
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithName("Barbara", "Jensen").Build(), None)).Ok();

        var replaced = (await directory.Users.ReplaceAsync(directory.Caller, user.Id, new UserBuilder("bjensen").WithName("Babs", "Jensen").Build(), null, None)).Failed();
        var patched = (await directory.Users.PatchAsync(directory.Caller, user.Id,
            Requests.Patch("""[{"op":"replace","path":"name.familyName","value":"Smith"}]"""), null, false, None)).Failed();
        var removed = (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"remove","path":"name"}]"""), null, false, None)).Failed();

        Assert.Equal(ScimErrorTypes.Mutability, replaced.ScimType);
        Assert.Equal(
            "'name.givenName' cannot be changed in this organization (its SCIM settings make names not updatable): it is 'Barbara' and the request would make it 'Babs'.",
            replaced.Detail);
        Assert.Contains("'name.familyName'", patched.Detail, StringComparison.Ordinal);
        Assert.Contains("would make it not set", removed.Detail, StringComparison.Ordinal);
        await AssertUnchangedAsync(directory, user);
    }

    [Fact]
    public async Task With_names_not_updatable_writes_that_keep_the_name_go_through()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await SetPoliciesAsync(directory, userNameIsEmail: false, namesFixed: true);
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithName("Barbara", "Jensen").Build(), None)).Ok();

        // Okta's PUT sends the whole user every time, name included and unchanged.
        (await directory.Users.ReplaceAsync(directory.Caller, user.Id, new UserBuilder("bjensen").WithName("Barbara", "Jensen").WithTitle("CEO").Build(), null, None)).Ok();
        var patched = (await directory.Users.PatchAsync(directory.Caller, user.Id, Requests.Patch("""[{"op":"replace","path":"title","value":"CTO"}]"""), null, false, None)).Ok();

        Assert.Equal("CTO", patched.Text("title"));
        Assert.Equal(3, patched.Version);
    }

    [Fact]
    public async Task Without_policies_names_and_userNames_change_freely()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithName("Barbara", "Jensen").Build(), None)).Ok();

        var patched = (await directory.Users.PatchAsync(directory.Caller, user.Id,
            Requests.Patch("""[{"op":"replace","path":"name.givenName","value":"Babs"},{"op":"replace","path":"userName","value":"babs"}]"""), null, false, None)).Ok();

        Assert.Equal("babs", patched.Text("userName"));
    }

    [Fact]
    public async Task Policies_of_one_tenant_do_not_apply_to_another()
    {
        await using var directory = await WithRolesAsync("Agent");
        await SetPoliciesAsync(directory, userNameIsEmail: true, namesFixed: true);
        var other = await directory.NewTenantAsync("Tenant B");

        (await directory.Users.CreateAsync(other, new UserBuilder("bjensen").Build(), None)).Ok();
        var error = (await directory.Users.CreateAsync(other, WithRoles(new UserBuilder("x"), "Agent"), None)).Failed();

        Assert.Contains("this organization has no active roles", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_write_in_a_tenant_without_role_rules_reads_no_roles()
    {
        await using var directory = await WithRolesAsync("Agent");
        (await directory.Users.ListAsync(directory.Caller, Requests.Query(), None)).Ok();
        using var log = new SqlLog(directory.Caller.TenantId);

        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Ok();
        var plain = log.Statements;
        log.Clear();
        (await directory.Users.CreateAsync(directory.Caller, WithRoles(new UserBuilder("other"), "Agent"), None)).Ok();

        Assert.DoesNotContain(plain, s => s.Contains("FROM roles", StringComparison.Ordinal));
        Assert.Contains(log.Statements, s => s.Contains("FROM roles", StringComparison.Ordinal));
    }

    private static async Task<TestDirectory> WithRolesAsync(params string[] names)
    {
        var directory = await TestDirectory.CreateAsync();
        foreach (var name in names)
        {
            (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, name, [], None)).Ok();
        }

        return directory;
    }

    private static async Task SetRolesAsync(TestDirectory directory, string? defaultRole, string? requiredRole)
    {
        var roles = await directory.Get<ListRoles>().ExecuteAsync(directory.Caller.TenantId, None);
        var settings = await directory.Get<GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None);
        (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin, ScimSettingsUpdate.From(settings) with
        {
            DefaultRoleId = roles.SingleOrDefault(r => r.Name == defaultRole)?.Id,
            RequiredRoleId = roles.SingleOrDefault(r => r.Name == requiredRole)?.Id,
        }, None)).Ok();
    }

    private static async Task SetPoliciesAsync(TestDirectory directory, bool userNameIsEmail, bool namesFixed)
    {
        var settings = await directory.Get<GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None);
        (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin, ScimSettingsUpdate.From(settings) with
        {
            UserNameMustBePrimaryEmail = userNameIsEmail,
            NamesNotUpdatable = namesFixed,
        }, None)).Ok();
    }

    private static JsonObject WithRoles(UserBuilder user, params string[] roles) =>
        user.With("roles", new JsonArray([.. roles.Select(r => (JsonNode)new JsonObject { ["value"] = r })])).Build();

    private static List<string?> RoleValues(JsonObject user) => [.. user["roles"]!.AsArray().Select(r => (string?)r!["value"])];

    /// <summary>Nothing half-written: the stored user and its version are as created, and no update was audited.</summary>
    private static async Task AssertUnchangedAsync(TestDirectory directory, Resources.StoredResource created)
    {
        var stored = (await directory.Users.GetAsync(directory.Caller, created.Id, true, None)).Ok();
        Assert.Equal(created.Version, stored.Version);
        Assert.True(JsonNode.DeepEquals(created.Document, stored.Document));
        var updates = (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId,
            new AuditQuery { Action = AuditActions.UserUpdate }, None)).Ok().Events;
        Assert.Empty(updates);
    }
}
