using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Roles;

public sealed class RoleTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Create_returns_an_active_role_with_its_permissions_in_catalogue_order()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var role = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "  Supervisor ", ["audit.view", "scim.manage"], None)).Ok();

        Assert.Equal("Supervisor", role.Name);
        Assert.True(role.Active);
        Assert.Equal(["scim.manage", "audit.view"], role.Permissions.Select(p => p.Key));
        Assert.Equal(TestDirectory.Start, role.Created);
        var read = (await directory.Get<GetRole>().ExecuteAsync(directory.Caller.TenantId, role.Id, None)).Ok();
        Assert.Equal(role.Name, read.Name);
        Assert.Equal(role.Permissions, read.Permissions);
    }

    [Fact]
    public async Task Granting_employee_edit_turns_employee_view_on()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var role = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Editor", ["employees.edit"], None)).Ok();

        Assert.Equal([Permission.EmployeesView, Permission.EmployeesEdit], role.Permissions);
    }

    [Fact]
    public async Task An_unknown_permission_is_a_validation_error_naming_it_and_the_known_ones()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var error = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Agent", ["employees.delete"], None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, error.Kind);
        Assert.Equal("permissions", error.Field);
        Assert.Contains("'employees.delete'", error.Detail, StringComparison.Ordinal);
        Assert.Contains("accesskeys.manage", error.Detail, StringComparison.Ordinal);
        Assert.Empty(await directory.Get<ListRoles>().ExecuteAsync(directory.Caller.TenantId, None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_role_needs_a_name(string name)
    {
        await using var directory = await TestDirectory.CreateAsync();

        var error = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, name, [], None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, error.Kind);
        Assert.Equal("name", error.Field);
    }

    [Fact]
    public async Task Role_names_are_case_sensitive_Agent_and_agent_coexist_but_Agent_twice_is_a_conflict()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var create = directory.Get<CreateRole>();
        (await create.ExecuteAsync(directory.Admin, "Agent", [], None)).Ok();
        (await create.ExecuteAsync(directory.Admin, "agent", [], None)).Ok();

        var error = (await create.ExecuteAsync(directory.Admin, "Agent", [], None)).Failed();

        Assert.Equal(AdminErrorKind.Conflict, error.Kind);
        Assert.Equal("name", error.Field);
        Assert.Contains("'Agent'", error.Detail, StringComparison.Ordinal);
        Assert.Equal(["Agent", "agent"], (await directory.Get<ListRoles>().ExecuteAsync(directory.Caller.TenantId, None)).Select(r => r.Name));
    }

    [Fact]
    public async Task Rename_changes_the_name_and_a_taken_name_is_a_conflict_that_changes_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var create = directory.Get<CreateRole>();
        var agent = (await create.ExecuteAsync(directory.Admin, "Agent", [], None)).Ok();
        (await create.ExecuteAsync(directory.Admin, "Supervisor", [], None)).Ok();
        directory.Advance(TimeSpan.FromMinutes(1));

        var renamed = (await directory.Get<RenameRole>().ExecuteAsync(directory.Admin, agent.Id, "Agents", None)).Ok();
        var error = (await directory.Get<RenameRole>().ExecuteAsync(directory.Admin, agent.Id, "Supervisor", None)).Failed();

        Assert.Equal("Agents", renamed.Name);
        Assert.Equal(TestDirectory.Start.AddMinutes(1), renamed.LastModified);
        Assert.Equal(AdminErrorKind.Conflict, error.Kind);
        Assert.Equal("Agents", (await directory.Get<GetRole>().ExecuteAsync(directory.Caller.TenantId, agent.Id, None)).Ok().Name);
    }

    [Fact]
    public async Task Set_permissions_replaces_them()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var role = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Admin", ["roles.manage", "audit.view"], None)).Ok();

        var changed = (await directory.Get<SetRolePermissions>().ExecuteAsync(directory.Admin, role.Id, ["employees.edit", "accesskeys.manage"], None)).Ok();

        Assert.Equal(["employees.view", "employees.edit", "accesskeys.manage"], changed.Permissions.Select(p => p.Key));
        Assert.Equal(changed.Permissions, (await directory.Get<GetRole>().ExecuteAsync(directory.Caller.TenantId, role.Id, None)).Ok().Permissions);
    }

    [Fact]
    public async Task Deactivate_and_activate_flip_active()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var role = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Agent", [], None)).Ok();

        var inactive = (await directory.Get<DeactivateRole>().ExecuteAsync(directory.Admin, role.Id, None)).Ok();
        var stored = (await directory.Get<GetRole>().ExecuteAsync(directory.Caller.TenantId, role.Id, None)).Ok();
        var active = (await directory.Get<ActivateRole>().ExecuteAsync(directory.Admin, role.Id, None)).Ok();

        Assert.False(inactive.Active);
        Assert.False(stored.Active);
        Assert.True(active.Active);
    }

    [Fact]
    public async Task Unknown_role_ids_are_not_found()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var id = Guid.NewGuid();

        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<GetRole>().ExecuteAsync(directory.Caller.TenantId, id, None)).Failed().Kind);
        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<RenameRole>().ExecuteAsync(directory.Admin, id, "X", None)).Failed().Kind);
        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<SetRolePermissions>().ExecuteAsync(directory.Admin, id, [], None)).Failed().Kind);
        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<DeactivateRole>().ExecuteAsync(directory.Admin, id, None)).Failed().Kind);
        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<ActivateRole>().ExecuteAsync(directory.Admin, id, None)).Failed().Kind);
    }

    [Fact]
    public async Task Roles_of_another_tenant_are_invisible_and_untouchable()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var otherAdmin = new AdminActor(other.TenantId, null, null, "console", PermissionSet.Unbounded);
        var role = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Agent", [], None)).Ok();

        // The same name is free in another tenant: uniqueness is per tenant.
        (await directory.Get<CreateRole>().ExecuteAsync(otherAdmin, "Agent", [], None)).Ok();

        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<GetRole>().ExecuteAsync(other.TenantId, role.Id, None)).Failed().Kind);
        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<RenameRole>().ExecuteAsync(otherAdmin, role.Id, "Taken", None)).Failed().Kind);
        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<DeactivateRole>().ExecuteAsync(otherAdmin, role.Id, None)).Failed().Kind);
        Assert.Single(await directory.Get<ListRoles>().ExecuteAsync(other.TenantId, None));
        Assert.True((await directory.Get<GetRole>().ExecuteAsync(directory.Caller.TenantId, role.Id, None)).Ok().Active);
    }

    [Fact]
    public async Task Each_role_change_writes_one_audit_event_with_what_changed_and_a_no_op_writes_none()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var actor = directory.Admin with { ProfileId = Guid.NewGuid(), CredentialId = Guid.NewGuid() };
        var role = (await directory.Get<CreateRole>().ExecuteAsync(actor, "Agent", ["audit.view"], None)).Ok();
        directory.Advance(TimeSpan.FromSeconds(1));
        (await directory.Get<RenameRole>().ExecuteAsync(actor, role.Id, "Agents", None)).Ok();
        directory.Advance(TimeSpan.FromSeconds(1));
        (await directory.Get<RenameRole>().ExecuteAsync(actor, role.Id, "Agents", None)).Ok();
        (await directory.Get<DeactivateRole>().ExecuteAsync(actor, role.Id, None)).Ok();

        var events = (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { ResourceId = role.Id }, None)).Ok().Events;

        Assert.Equal([AuditActions.RoleUpdate, AuditActions.RoleUpdate, AuditActions.RoleCreate], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal((actor.ProfileId, actor.CredentialId, "console", AuditResourceTypes.Role), (e.ActorProfileId, e.CredentialId, e.Client, e.ResourceType)));
        Assert.Equal("""{"active":{"before":true,"after":false}}""", events[0].Changes.ToJsonString());
        Assert.Equal("""{"name":{"before":"Agent","after":"Agents"}}""", events[1].Changes.ToJsonString());
        Assert.Equal("""{"name":{"before":null,"after":"Agent"},"active":{"before":null,"after":true},"permissions":{"before":null,"after":["audit.view"]}}""",
            events[2].Changes.ToJsonString());
    }

    [Fact]
    public async Task A_refused_role_change_writes_no_audit_event()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var create = directory.Get<CreateRole>();
        (await create.ExecuteAsync(directory.Admin, "Agent", [], None)).Ok();
        var other = (await create.ExecuteAsync(directory.Admin, "Supervisor", [], None)).Ok();

        (await create.ExecuteAsync(directory.Admin, "Agent", [], None)).Failed();
        (await directory.Get<RenameRole>().ExecuteAsync(directory.Admin, other.Id, "Agent", None)).Failed();

        var events = (await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery(), None)).Ok().Events;
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(AuditActions.RoleCreate, e.Action));
    }
}
