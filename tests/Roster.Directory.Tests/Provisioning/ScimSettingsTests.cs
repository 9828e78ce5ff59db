using System.Net;
using Microsoft.EntityFrameworkCore;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Provisioning;

public sealed class ScimSettingsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_new_tenant_has_SCIM_enabled_no_roles_no_policies_and_status_inactive()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var settings = await directory.Get<GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None);

        Assert.Equal(ScimSettings.Default(directory.Caller.TenantId), settings);
        Assert.Equal(ScimProvisioningStatus.Inactive, settings.Status);
        await using var db = directory.Database.CreateContext(directory.Caller.TenantId);
        Assert.Single(db.ScimSettings);
    }

    [Fact]
    public async Task Update_saves_every_setting_and_audits_what_changed()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var agent = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Agent", [], None)).Ok();
        var guest = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Guest", [], None)).Ok();

        var saved = (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin,
            new ScimSettingsUpdate(false, guest.Id, agent.Id, true, true), None)).Ok();

        var read = await directory.Get<GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None);
        Assert.Equal(saved, read);
        Assert.Equal((false, guest.Id, agent.Id, true, true), (read.Enabled, read.DefaultRoleId, read.RequiredRoleId, read.UserNameMustBePrimaryEmail, read.NamesNotUpdatable));
        var audit = Assert.Single((await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId,
            new AuditQuery { Action = AuditActions.ScimSettingsUpdate }, None)).Ok().Events);
        Assert.Equal(directory.Caller.TenantId, audit.ResourceId);
        Assert.Equal(AuditResourceTypes.ScimSettings, audit.ResourceType);
        Assert.Equal(false, (bool?)audit.Changes["enabled"]!["after"]);
        Assert.Equal(agent.Id.ToString(), (string?)audit.Changes["requiredRoleId"]!["after"]);
    }

    [Fact]
    public async Task Saving_unchanged_settings_writes_no_audit_event()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var settings = await directory.Get<GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None);

        (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin, ScimSettingsUpdate.From(settings), None)).Ok();

        Assert.Empty((await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery(), None)).Ok().Events);
    }

    [Fact]
    public async Task A_default_or_required_role_must_be_an_active_role_of_the_tenant()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var foreign = (await directory.Get<CreateRole>().ExecuteAsync(new AdminActor(other.TenantId, null, null, "console", PermissionSet.Unbounded), "Agent", [], None)).Ok();
        var inactive = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Old", [], None)).Ok();
        (await directory.Get<DeactivateRole>().ExecuteAsync(directory.Admin, inactive.Id, None)).Ok();
        var update = directory.Get<UpdateScimSettings>();
        var defaults = ScimSettingsUpdate.From(ScimSettings.Default(directory.Caller.TenantId));

        var foreignError = (await update.ExecuteAsync(directory.Admin, defaults with { DefaultRoleId = foreign.Id }, None)).Failed();
        var inactiveError = (await update.ExecuteAsync(directory.Admin, defaults with { RequiredRoleId = inactive.Id }, None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, foreignError.Kind);
        Assert.Contains(foreign.Id.ToString(), foreignError.Detail, StringComparison.Ordinal);
        Assert.Equal(AdminErrorKind.Validation, inactiveError.Kind);
        Assert.Contains("'Old' is deactivated", inactiveError.Detail, StringComparison.Ordinal);
        Assert.Equal(ScimSettings.Default(directory.Caller.TenantId), await directory.Get<GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None));
    }

    [Fact]
    public async Task The_default_or_required_role_cannot_be_deactivated()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var agent = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Agent", [], None)).Ok();
        (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin, new ScimSettingsUpdate(true, null, agent.Id, false, false), None)).Ok();

        var error = (await directory.Get<DeactivateRole>().ExecuteAsync(directory.Admin, agent.Id, None)).Failed();

        Assert.Equal(AdminErrorKind.Conflict, error.Kind);
        Assert.Contains("required role", error.Detail, StringComparison.Ordinal);
        Assert.True((await directory.Get<GetRole>().ExecuteAsync(directory.Caller.TenantId, agent.Id, None)).Ok().Active);
    }

    [Fact]
    public async Task Settings_are_per_tenant()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");

        (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin, new ScimSettingsUpdate(false, null, null, true, true), None)).Ok();

        Assert.Equal(ScimSettings.Default(other.TenantId), await directory.Get<GetScimSettings>().ExecuteAsync(other.TenantId, None));
        Assert.Empty((await directory.Get<ListAuditEvents>().ExecuteAsync(other.TenantId, new AuditQuery(), None)).Ok().Events);
        (await directory.Users.CreateAsync(other, new UserBuilder("bjensen").Build(), None)).Ok();
    }

    [Fact]
    public async Task Status_turns_active_on_the_first_SCIM_call_with_its_time_and_client()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var okta = directory.Caller with { Client = "Okta" };

        (await directory.Users.ListAsync(okta, Requests.Query(), None)).Ok();

        var settings = await directory.Get<GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None);
        Assert.Equal(ScimProvisioningStatus.Active, settings.Status);
        Assert.Equal(TestDirectory.Start, settings.LastCallAt);
        Assert.Equal("Okta", settings.LastClient);
    }

    [Fact]
    public async Task The_last_call_is_written_at_most_once_a_minute_per_tenant()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var recorder = directory.Get<ScimCallRecorder>();
        var get = directory.Get<GetScimSettings>();

        await recorder.RecordScimCallAsync(directory.Caller.TenantId, "Okta", None);
        directory.Advance(TimeSpan.FromSeconds(59));
        await recorder.RecordScimCallAsync(directory.Caller.TenantId, "Entra ID", None);
        await recorder.RecordScimCallAsync(other.TenantId, "Entra ID", None);
        var withinTheMinute = await get.ExecuteAsync(directory.Caller.TenantId, None);
        directory.Advance(TimeSpan.FromSeconds(1));
        await recorder.RecordScimCallAsync(directory.Caller.TenantId, "Entra ID", None);
        var afterIt = await get.ExecuteAsync(directory.Caller.TenantId, None);

        Assert.Equal((TestDirectory.Start, "Okta"), (withinTheMinute.LastCallAt, withinTheMinute.LastClient));
        Assert.Equal((TestDirectory.Start.AddMinutes(1), "Entra ID"), (afterIt.LastCallAt, afterIt.LastClient));
        Assert.Equal("Entra ID", (await get.ExecuteAsync(other.TenantId, None)).LastClient);
    }

    [Fact]
    public async Task With_SCIM_turned_off_every_store_operation_is_403_and_changes_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").Build(), None)).Ok();
        var group = (await directory.Groups.CreateAsync(directory.Caller, new GroupBuilder("Sales").Build(), None)).Ok();
        (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin, new ScimSettingsUpdate(false, null, null, false, false), None)).Ok();
        var caller = directory.Caller;
        var patch = Requests.Patch("""[{"op":"replace","path":"displayName","value":"X"}]""");

        var errors = new List<Scim.Errors.ScimError>();
        foreach (var store in new[] { directory.Users, directory.Groups })
        {
            var id = store == directory.Users ? user.Id : group.Id;
            var body = store == directory.Users ? new UserBuilder("other").Build() : new GroupBuilder("Other").Build();
            errors.Add((await store.GetAsync(caller, id, true, None)).Failed());
            errors.Add((await store.ListAsync(caller, Requests.Query(), None)).Failed());
            errors.Add((await store.CreateAsync(caller, body, None)).Failed());
            errors.Add((await store.ReplaceAsync(caller, id, body, null, None)).Failed());
            errors.Add((await store.PatchAsync(caller, id, patch, null, true, None)).Failed());
            errors.Add((await store.DeleteAsync(caller, id, null, None)).Failed());
        }

        Assert.All(errors, e =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, e.Status);
            Assert.Equal("SCIM provisioning is turned off for this organization; an administrator can turn it on in the SCIM settings.", e.Detail);
        });
        (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin, new ScimSettingsUpdate(true, null, null, false, false), None)).Ok();
        Assert.Equal(1, (await directory.Users.GetAsync(caller, user.Id, true, None)).Ok().Version);
        Assert.Equal(1, (await directory.Groups.GetAsync(caller, group.Id, true, None)).Ok().Version);
        Assert.Equal(1, (await directory.Users.ListAsync(caller, Requests.Query(), None)).Ok().TotalResults);
    }

    [Fact]
    public async Task Turning_SCIM_off_in_one_tenant_leaves_the_others_working()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");

        (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin, new ScimSettingsUpdate(false, null, null, false, false), None)).Ok();

        Assert.Equal(HttpStatusCode.Forbidden, (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("a").Build(), None)).Failed().Status);
        (await directory.Users.CreateAsync(other, new UserBuilder("a").Build(), None)).Ok();
    }

    [Fact]
    public async Task A_switch_turned_off_by_another_process_takes_effect_within_the_cache_lifetime()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("before").Build(), None)).Ok();
        await using (var db = directory.Database.CreateContext(directory.Caller.TenantId))
        {
            // What the CLI or another node does: the row changes behind this process's back.
            await db.Database.ExecuteSqlRawAsync("UPDATE scim_settings SET enabled = FALSE");
        }

        directory.Advance(ScimSwitchCache.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.Forbidden, (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("after").Build(), None)).Failed().Status);
    }
}
