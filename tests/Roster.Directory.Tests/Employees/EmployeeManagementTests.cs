using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;
using Roster.Directory.Users;

namespace Roster.Directory.Tests.Employees;

public sealed class EmployeeManagementTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Create_makes_an_invited_user_whose_SCIM_document_holds_email_names_and_primary_role()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        var agent = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Agent", ["employees.view"], None)).Ok();

        var employee = (await directory.Get<CreateEmployee>().ExecuteAsync(directory.Admin,
            new EmployeeDraft(" ada@example.com ", "Ada", "Lovelace", agent.Id, "password", new BillingAttributes(true, ["wfm", "wfm", " "])), None)).Ok();

        Assert.Equal(EmployeeStatus.Invited, employee.Status);
        Assert.Equal("ada@example.com", employee.UserName);
        Assert.Equal("ada@example.com", employee.Email);
        Assert.Equal(("Ada", "Lovelace"), (employee.FirstName, employee.LastName));
        Assert.Equal((agent.Id, "Agent"), (employee.PrimaryRoleId, employee.PrimaryRoleName));
        Assert.Equal(new BillingAttributes(true, ["wfm"]), employee.Billing);
        Assert.Equal(TestDirectory.Start, employee.Created);
        var user = (await directory.Get<UserStore>().GetAsync(directory.Caller, employee.Id.ToString(), false, None)).Ok();
        Assert.Equal("Ada", user.Document["name"]!["givenName"]!.GetValue<string>());
        Assert.True(user.Document["emails"]![0]!["primary"]!.GetValue<bool>());
        Assert.Equal("Agent", user.Document["roles"]![0]!["value"]!.GetValue<string>());
        Assert.True(user.Document["roles"]![0]!["primary"]!.GetValue<bool>());
        Assert.Equal(employee, (await directory.Get<GetEmployee>().ExecuteAsync(directory.Caller.TenantId, employee.Id, None)).Ok());
        var created = Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id));
        Assert.Equal(AuditActions.EmployeeCreate, created.Action);
        Assert.Equal(AuditResourceTypes.Employee, created.ResourceType);
        Assert.Equal("invited", created.Changes["status"]!["after"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_update_and_delete_are_refused_while_SCIM_is_on_and_write_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        var existing = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");
        await EmployeeSetup.SetScimAsync(directory, enabled: true);
        var eventsBefore = await AllEventsAsync(directory);

        var create = (await directory.Get<CreateEmployee>().ExecuteAsync(directory.Admin, new EmployeeDraft("grace@example.com", "Grace", "Hopper"), None)).Failed();
        var update = (await directory.Get<UpdateEmployee>().ExecuteAsync(directory.Admin, existing.Id, new EmployeeUpdate(FirstName: "Augusta"), None)).Failed();
        var delete = (await directory.Get<DeleteEmployee>().ExecuteAsync(directory.Admin, existing.Id, None)).Failed();

        foreach (var error in new[] { create, update, delete })
        {
            Assert.Equal(AdminErrorKind.ManagedByScim, error.Kind);
            Assert.Equal(
                "While SCIM provisioning is on, users are managed by your identity provider; turn SCIM off in the SCIM settings to manage them here.",
                error.Detail);
        }

        var page = (await directory.Get<ListEmployees>().ExecuteAsync(directory.Caller.TenantId, null, null, 1, None)).Ok();
        Assert.Equal([existing], page.Employees);
        Assert.Equal(eventsBefore, await AllEventsAsync(directory));
    }

    [Fact]
    public async Task The_operator_may_create_the_first_administrator_while_SCIM_is_on()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var employee = (await directory.Get<CreateEmployee>().ExecuteAsync(
            AdminActor.Operator(directory.Caller.TenantId), new EmployeeDraft("root@example.com", "First", "Admin"), None)).Ok();

        Assert.Equal(EmployeeStatus.Invited, employee.Status);
        Assert.Equal("cli", Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id)).Client);
    }

    [Fact]
    public async Task An_email_already_used_as_a_userName_or_primary_email_is_a_conflict_ignoring_case()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("grace").WithEmail("grace@example.com", primary: true).Build(), None)).Ok();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        await EmployeeSetup.InvitedAsync(directory, "ada@example.com");
        var create = directory.Get<CreateEmployee>();

        var sameUserName = (await create.ExecuteAsync(directory.Admin, new EmployeeDraft("ADA@example.com", "A", "L"), None)).Failed();
        var samePrimaryEmail = (await create.ExecuteAsync(directory.Admin, new EmployeeDraft("Grace@Example.com", "G", "H"), None)).Failed();

        Assert.Equal(AdminErrorKind.Conflict, sameUserName.Kind);
        Assert.Equal(AdminErrorKind.Conflict, samePrimaryEmail.Kind);
        Assert.Contains("Grace@Example.com", samePrimaryEmail.Detail, StringComparison.Ordinal);
        Assert.Equal(2, (await directory.Get<ListEmployees>().ExecuteAsync(directory.Caller.TenantId, null, null, 1, None)).Ok().TotalCount);
    }

    [Theory]
    [InlineData("not-an-email", "Ada", "Lovelace", "email")]
    [InlineData("ada@example.com", " ", "Lovelace", "firstName")]
    [InlineData("ada@example.com", "Ada", "", "lastName")]
    public async Task Create_needs_an_email_and_both_names_and_names_the_field(string email, string firstName, string lastName, string field)
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);

        var error = (await directory.Get<CreateEmployee>().ExecuteAsync(directory.Admin, new EmployeeDraft(email, firstName, lastName), None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, error.Kind);
        Assert.Equal(field, error.Field);
        Assert.Equal(0, (await directory.Get<ListEmployees>().ExecuteAsync(directory.Caller.TenantId, null, null, 1, None)).Ok().TotalCount);
    }

    [Fact]
    public async Task The_primary_role_must_be_an_active_role_of_the_tenant()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        var retired = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Retired", [], None)).Ok();
        (await directory.Get<DeactivateRole>().ExecuteAsync(directory.Admin, retired.Id, None)).Ok();
        var other = await directory.NewTenantAsync("Tenant B");
        var otherRole = (await directory.Get<CreateRole>().ExecuteAsync(new AdminActor(other.TenantId, null, null, "console", PermissionSet.Unbounded), "Agent", [], None)).Ok();
        var create = directory.Get<CreateEmployee>();

        var inactive = (await create.ExecuteAsync(directory.Admin, new EmployeeDraft("a@example.com", "A", "B", retired.Id), None)).Failed();
        var foreign = (await create.ExecuteAsync(directory.Admin, new EmployeeDraft("a@example.com", "A", "B", otherRole.Id), None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, inactive.Kind);
        Assert.Contains("'Retired'", inactive.Detail, StringComparison.Ordinal);
        Assert.Equal(AdminErrorKind.Validation, foreign.Kind);
        Assert.Equal("primaryRoleId", inactive.Field);
        Assert.Equal("primaryRoleId", foreign.Field);
        Assert.Equal(0, (await directory.Get<ListEmployees>().ExecuteAsync(directory.Caller.TenantId, null, null, 1, None)).Ok().TotalCount);
    }

    [Fact]
    public async Task Update_changes_names_role_and_billing_in_one_audited_change()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        var agent = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Agent", [], None)).Ok();
        var supervisor = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Supervisor", [], None)).Ok();
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com", agent.Id);
        directory.Advance(TimeSpan.FromMinutes(3));

        var updated = (await directory.Get<UpdateEmployee>().ExecuteAsync(directory.Admin, employee.Id,
            new EmployeeUpdate("Augusta", null, supervisor.Id, null, new BillingAttributes(true, ["acd"])), None)).Ok();

        Assert.Equal(("Augusta", "Lovelace"), (updated.FirstName, updated.LastName));
        Assert.Equal((supervisor.Id, "Supervisor"), (updated.PrimaryRoleId, updated.PrimaryRoleName));
        Assert.Equal(["Supervisor"], updated.Roles);
        Assert.Equal("password", updated.LoginAuthenticator);
        Assert.Equal(new BillingAttributes(true, ["acd"]), updated.Billing);
        Assert.Equal(TestDirectory.Start.AddMinutes(3), updated.LastModified);
        var user = (await directory.Get<UserStore>().GetAsync(directory.Caller, employee.Id.ToString(), false, None)).Ok();
        Assert.Equal(2, user.Version);
        Assert.Equal("Augusta", user.Document["name"]!["givenName"]!.GetValue<string>());
        var change = (await EmployeeSetup.EventsAsync(directory, employee.Id)).Last();
        Assert.Equal(AuditActions.EmployeeUpdate, change.Action);
        Assert.Equal(["billing", "firstName", "primaryRole", "roles"], change.Changes.Select(c => c.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Clearing_billing_makes_a_credentials_only_profile_that_is_not_billed()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        var employee = (await directory.Get<CreateEmployee>().ExecuteAsync(directory.Admin,
            new EmployeeDraft("svc@example.com", "Service", "Account", Billing: new BillingAttributes(true, ["wfm", "acd"])), None)).Ok();

        var cleared = (await directory.Get<UpdateEmployee>().ExecuteAsync(directory.Admin, employee.Id, new EmployeeUpdate(ClearBilling: true), None)).Ok();

        Assert.Equal(BillingAttributes.None, cleared.Billing);
        Assert.False(cleared.Billing.Billable);
        Assert.Empty(cleared.Billing.Licenses);
        Assert.Equal(BillingAttributes.None, (await directory.Get<GetEmployee>().ExecuteAsync(directory.Caller.TenantId, employee.Id, None)).Ok().Billing);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_writes_no_event_and_keeps_the_version()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");

        var same = (await directory.Get<UpdateEmployee>().ExecuteAsync(directory.Admin, employee.Id, new EmployeeUpdate(FirstName: "Ada"), None)).Ok();

        Assert.Equal(employee, same);
        Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id));
        Assert.Equal(1, (await directory.Get<UserStore>().GetAsync(directory.Caller, employee.Id.ToString(), false, None)).Ok().Version);
    }

    [Fact]
    public async Task An_invalid_update_changes_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");

        var blankName = (await directory.Get<UpdateEmployee>().ExecuteAsync(directory.Admin, employee.Id, new EmployeeUpdate(LastName: " "), None)).Failed();
        var unknownRole = (await directory.Get<UpdateEmployee>().ExecuteAsync(directory.Admin, employee.Id,
            new EmployeeUpdate(FirstName: "Augusta", PrimaryRoleId: Guid.NewGuid()), None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, blankName.Kind);
        Assert.Equal(AdminErrorKind.Validation, unknownRole.Kind);
        Assert.Equal(employee, (await directory.Get<GetEmployee>().ExecuteAsync(directory.Caller.TenantId, employee.Id, None)).Ok());
        Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id));
    }

    [Fact]
    public async Task Delete_removes_the_user_and_its_memberships_and_is_audited()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");

        var deleted = (await directory.Get<DeleteEmployee>().ExecuteAsync(directory.Admin, employee.Id, None)).Ok();

        Assert.Equal(employee.Id, deleted.Id);
        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<GetEmployee>().ExecuteAsync(directory.Caller.TenantId, employee.Id, None)).Failed().Kind);
        var events = await EmployeeSetup.EventsAsync(directory, employee.Id);
        Assert.Equal([AuditActions.EmployeeCreate, AuditActions.EmployeeDelete], events.Select(e => e.Action));
        Assert.Equal("ada@example.com", events[1].Changes["email"]!["before"]!.GetValue<string>());
        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<DeleteEmployee>().ExecuteAsync(directory.Admin, employee.Id, None)).Failed().Kind);
    }

    [Fact]
    public async Task Another_tenants_employee_cannot_be_read_changed_or_deleted()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        var other = await directory.NewTenantAsync("Tenant B");
        var inB = await EmployeeSetup.InvitedAsync(directory, "ada@example.com", tenantId: other.TenantId);

        var get = (await directory.Get<GetEmployee>().ExecuteAsync(directory.Caller.TenantId, inB.Id, None)).Failed();
        var update = (await directory.Get<UpdateEmployee>().ExecuteAsync(directory.Admin, inB.Id, new EmployeeUpdate(FirstName: "X"), None)).Failed();
        var delete = (await directory.Get<DeleteEmployee>().ExecuteAsync(directory.Admin, inB.Id, None)).Failed();
        var list = (await directory.Get<ListEmployees>().ExecuteAsync(directory.Caller.TenantId, null, null, 1, None)).Ok();

        Assert.All(new[] { get, update, delete }, e => Assert.Equal(AdminErrorKind.NotFound, e.Kind));
        Assert.Empty(list.Employees);
        Assert.Equal(inB, (await directory.Get<GetEmployee>().ExecuteAsync(other.TenantId, inB.Id, None)).Ok());
    }

    [Fact]
    public async Task SCIM_users_are_profiles_active_or_deactivated_with_the_primary_marked_role()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Agent", [], None)).Ok();
        var lead = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Lead", [], None)).Ok();
        var roles = new JsonArray(new JsonObject { ["value"] = "Agent" }, new JsonObject { ["value"] = "Lead", ["primary"] = true });
        var active = (await directory.Users.CreateAsync(directory.Caller,
            new UserBuilder("grace").WithName("Grace", "Hopper").WithEmail("g@example.com").With("roles", roles).Build(), None)).Ok();
        var inactive = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("alan").WithActive(false).Build(), None)).Ok();

        var grace = (await directory.Get<GetEmployee>().ExecuteAsync(directory.Caller.TenantId, Guid.Parse(active.Id), None)).Ok();
        var alan = (await directory.Get<GetEmployee>().ExecuteAsync(directory.Caller.TenantId, Guid.Parse(inactive.Id), None)).Ok();

        Assert.Equal(EmployeeStatus.Active, grace.Status);
        Assert.Equal("g@example.com", grace.Email);
        Assert.Equal(("Grace", "Hopper"), (grace.FirstName, grace.LastName));
        Assert.Equal((lead.Id, "Lead"), (grace.PrimaryRoleId, grace.PrimaryRoleName));
        Assert.Equal(["Lead", "Agent"], grace.Roles);
        Assert.Equal(BillingAttributes.Default, grace.Billing);
        Assert.Equal("password", grace.LoginAuthenticator);
        Assert.Equal(EmployeeStatus.Deactivated, alan.Status);
        Assert.Equal("alan", alan.Email);

        (await directory.Users.PatchAsync(directory.Caller, inactive.Id, Requests.Patch("""[{"op":"replace","path":"active","value":true}]"""), null, false, None)).Ok();
        Assert.Equal(EmployeeStatus.Active, (await directory.Get<GetEmployee>().ExecuteAsync(directory.Caller.TenantId, Guid.Parse(inactive.Id), None)).Ok().Status);
    }

    [Fact]
    public async Task List_filters_by_status_and_search_text_and_pages_in_userName_order()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        foreach (var name in new[] { "carol", "alice", "bob", "dave" })
        {
            await EmployeeSetup.InvitedAsync(directory, $"{name}@example.com");
        }

        await EmployeeSetup.ActiveAsync(directory, "erin@other.org");
        (await directory.Get<UserStore>().CreateAsync(directory.Caller, new UserBuilder("frank@other.org").WithActive(false).Build(), None)).Ok();
        var list = directory.Get<ListEmployees>();
        var tenant = directory.Caller.TenantId;

        var first = (await list.ExecuteAsync(tenant, null, null, 1, 4, None)).Ok();
        var second = (await list.ExecuteAsync(tenant, null, null, 2, 4, None)).Ok();
        var invited = (await list.ExecuteAsync(tenant, EmployeeStatus.Invited, null, 1, None)).Ok();
        var active = (await list.ExecuteAsync(tenant, EmployeeStatus.Active, null, 1, None)).Ok();
        var deactivated = (await list.ExecuteAsync(tenant, EmployeeStatus.Deactivated, null, 1, None)).Ok();
        var search = (await list.ExecuteAsync(tenant, null, "OTHER.org", 1, None)).Ok();
        var invitedSearch = (await list.ExecuteAsync(tenant, EmployeeStatus.Invited, "ro", 1, None)).Ok();

        Assert.Equal(6, first.TotalCount);
        Assert.Equal(["alice", "bob", "carol", "dave"], first.Employees.Select(e => e.Email.Split('@')[0]));
        Assert.Equal(["erin", "frank"], second.Employees.Select(e => e.Email.Split('@')[0]));
        Assert.Equal(4, invited.TotalCount);
        Assert.Equal(["erin@other.org"], active.Employees.Select(e => e.Email));
        Assert.Equal(["frank@other.org"], deactivated.Employees.Select(e => e.Email));
        Assert.Equal(["erin@other.org", "frank@other.org"], search.Employees.Select(e => e.Email));
        Assert.Equal(["carol@example.com"], invitedSearch.Employees.Select(e => e.Email));
        Assert.Equal(AdminErrorKind.Validation, (await list.ExecuteAsync(tenant, null, null, 0, None)).Failed().Kind);
    }

    [Fact]
    public async Task Search_finds_SCIM_users_by_first_or_last_name_ignoring_case()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("gh1").WithName("Grace", "Hopper").Build(), None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("al2").WithName("Alan", "Turing").Build(), None)).Ok();
        var list = directory.Get<ListEmployees>();

        var byLast = (await list.ExecuteAsync(directory.Caller.TenantId, null, "HOPP", 1, None)).Ok();
        var byFirst = (await list.ExecuteAsync(directory.Caller.TenantId, null, "alan", 1, None)).Ok();

        Assert.Equal(["gh1"], byLast.Employees.Select(e => e.UserName));
        Assert.Equal(["al2"], byFirst.Employees.Select(e => e.UserName));
    }

    private static async Task<List<Guid>> AllEventsAsync(TestDirectory directory) =>
        [.. (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { PageSize = AuditQuery.MaxPageSize }, None)).Ok().Events.Select(e => e.Id)];
}
