using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Employees;

public sealed class SignInTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_right_password_signs_in_with_the_email_matched_ignoring_case()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var created = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");

        var result = await Sign(directory, "  ADA@Example.COM ", EmployeeSetup.Password);

        Assert.True(result.Succeeded);
        Assert.Null(result.FailureReason);
        Assert.Equal(created.Id, result.Employee!.Id);
        Assert.Equal("ada@example.com", result.Employee.Email);
        Assert.Equal(EmployeeStatus.Active, result.Employee.Status);
    }

    [Fact]
    public async Task Permissions_are_the_union_of_the_active_roles_with_edit_implying_view()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var editor = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Editor", ["employees.edit"], None)).Ok();
        var auditor = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Auditor", ["audit.view"], None)).Ok();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com", editor.Id);
        await GiveRoleByScimAsync(directory, employee.Id, "Auditor");

        var both = await Sign(directory, "ada@example.com", EmployeeSetup.Password);
        (await directory.Get<DeactivateRole>().ExecuteAsync(directory.Admin, auditor.Id, None)).Ok();
        var editorOnly = await Sign(directory, "ada@example.com", EmployeeSetup.Password);

        Assert.Equal(["audit.view", "employees.edit", "employees.view"], both.Permissions.Order(StringComparer.Ordinal));
        Assert.Equal(["employees.edit", "employees.view"], editorOnly.Permissions.Order(StringComparer.Ordinal));
        Assert.Equal("Editor", both.Employee!.PrimaryRoleName);
        Assert.Equal(editor.Id, both.Employee.PrimaryRoleId);
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_generic_reason()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.ActiveAsync(directory, "ada@example.com");

        var unknown = await Sign(directory, "nobody@example.com", EmployeeSetup.Password);
        var wrong = await Sign(directory, "ada@example.com", "not the password");

        Assert.False(unknown.Succeeded);
        Assert.False(wrong.Succeeded);
        Assert.Null(unknown.Employee);
        Assert.Null(wrong.Employee);
        Assert.Empty(wrong.Permissions);
        Assert.Equal(SignInFailures.Generic, unknown.FailureReason);
        Assert.Equal(unknown.FailureReason, wrong.FailureReason);
    }

    [Fact]
    public async Task Five_consecutive_failures_lock_the_profile_and_then_even_the_right_password_is_refused()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");

        var reasons = new List<string?>();
        for (var i = 0; i < SignInEmployee.MaxFailedSignIns; i++)
        {
            directory.Advance(TimeSpan.FromMinutes(1));
            reasons.Add((await Sign(directory, "ada@example.com", "wrong " + i)).FailureReason);
        }

        var afterwards = await Sign(directory, "ada@example.com", EmployeeSetup.Password);

        Assert.Equal(Enumerable.Repeat(SignInFailures.Generic, 4).Append(SignInFailures.Locked), reasons);
        Assert.False(afterwards.Succeeded);
        Assert.Equal("This account is locked after too many failed sign-ins; an administrator can unblock it.", afterwards.FailureReason);
        Assert.Equal(EmployeeStatus.Locked, (await Get(directory, employee.Id)).Status);
        var row = await ReadRowAsync(directory, employee.Id);
        Assert.Equal(TestDirectory.Start.AddMinutes(5), row.LockedAt);
        Assert.Equal(5, row.FailedSignIns);
        var lockEvent = Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id), e => e.Action == AuditActions.EmployeeLock);
        Assert.Equal(SignInEmployee.Client, lockEvent.Client);
        Assert.Equal(TestDirectory.Start.AddMinutes(5), lockEvent.Occurred);
    }

    [Fact]
    public async Task Concurrent_failures_are_each_counted()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        var signIn = directory.Get<SignInEmployee>();

        var results = await Task.WhenAll(Enumerable.Range(0, SignInEmployee.MaxFailedSignIns).Select(i =>
            Task.Run(() => signIn.ExecuteAsync(directory.Caller.TenantId, "ada@example.com", "wrong " + i, None))));

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.Equal(EmployeeStatus.Locked, (await Get(directory, employee.Id)).Status);
        Assert.Equal(SignInEmployee.MaxFailedSignIns, (await ReadRowAsync(directory, employee.Id)).FailedSignIns);
        Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id), e => e.Action == AuditActions.EmployeeLock);
    }

    [Fact]
    public async Task A_success_resets_the_failure_count()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");

        await FailAsync(directory, "ada@example.com", 4);
        Assert.True((await Sign(directory, "ada@example.com", EmployeeSetup.Password)).Succeeded);
        await FailAsync(directory, "ada@example.com", 4);

        Assert.Equal(EmployeeStatus.Active, (await Get(directory, employee.Id)).Status);
        Assert.Equal(4, (await ReadRowAsync(directory, employee.Id)).FailedSignIns);
        Assert.True((await Sign(directory, "ada@example.com", EmployeeSetup.Password)).Succeeded);
    }

    [Fact]
    public async Task An_invited_profile_is_told_to_activate_it()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.InvitedAsync(directory, "ada@example.com");

        var result = await Sign(directory, "ada@example.com", "anything at all");

        Assert.False(result.Succeeded);
        Assert.Equal(SignInFailures.NotActivated, result.FailureReason);
    }

    [Fact]
    public async Task A_profile_SCIM_deactivated_is_told_so_and_failures_there_do_not_count()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        (await directory.Users.PatchAsync(directory.Caller, employee.Id.ToString(),
            Requests.Patch("""[{"op":"replace","path":"active","value":false}]"""), null, false, None)).Ok();

        var result = await Sign(directory, "ada@example.com", EmployeeSetup.Password);

        Assert.Equal(SignInFailures.Deactivated, result.FailureReason);
        Assert.Equal(EmployeeStatus.Deactivated, (await Get(directory, employee.Id)).Status);
        Assert.Equal(0, (await ReadRowAsync(directory, employee.Id)).FailedSignIns);
    }

    [Fact]
    public async Task A_SCIM_user_without_a_password_cannot_sign_in_and_is_told_to_activate()
    {
        await using var directory = await TestDirectory.CreateAsync();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("grace@example.com").WithEmail("grace@example.com").Build(), None)).Ok();

        var result = await Sign(directory, "grace@example.com", "whatever it is");

        Assert.Equal(SignInFailures.NotActivated, result.FailureReason);
    }

    [Fact]
    public async Task Sign_in_only_sees_the_tenant_asked_and_failures_in_one_tenant_leave_the_other_alone()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var inA = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        var inB = await EmployeeSetup.ActiveAsync(directory, "ada@example.com", tenantId: other.TenantId, password: "tenant b password");

        await FailAsync(directory, "ada@example.com", 5, other.TenantId);
        var a = await Sign(directory, "ada@example.com", EmployeeSetup.Password);
        var aPasswordInB = await directory.Get<SignInEmployee>().ExecuteAsync(other.TenantId, "ada@example.com", EmployeeSetup.Password, None);
        var unknownTenant = await directory.Get<SignInEmployee>().ExecuteAsync(Guid.NewGuid(), "ada@example.com", EmployeeSetup.Password, None);

        Assert.True(a.Succeeded);
        Assert.Equal(inA.Id, a.Employee!.Id);
        Assert.Equal(SignInFailures.Locked, aPasswordInB.FailureReason);
        Assert.Equal(EmployeeStatus.Locked, (await directory.Get<GetEmployee>().ExecuteAsync(other.TenantId, inB.Id, None)).Ok().Status);
        Assert.Equal(SignInFailures.Generic, unknownTenant.FailureReason);
    }

    [Fact]
    public async Task Unlock_makes_a_locked_profile_active_again_and_is_audited()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await FailAsync(directory, "ada@example.com", 5);

        var unlocked = (await directory.Get<UnlockEmployee>().ExecuteAsync(directory.Admin, employee.Id, None)).Ok();

        Assert.Equal(EmployeeStatus.Active, unlocked.Status);
        var row = await ReadRowAsync(directory, employee.Id);
        Assert.Equal(0, row.FailedSignIns);
        Assert.Null(row.LockedAt);
        Assert.True((await Sign(directory, "ada@example.com", EmployeeSetup.Password)).Succeeded);
        var unlock = Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id), e => e.Action == AuditActions.EmployeeUnlock);
        Assert.Equal("console", unlock.Client);
        Assert.Equal("locked", unlock.Changes["status"]!["before"]!.GetValue<string>());
        Assert.Equal("active", unlock.Changes["status"]!["after"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unlock_works_while_SCIM_provisioning_is_on()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await FailAsync(directory, "ada@example.com", 5);

        Assert.True((await directory.Get<Roster.Directory.Provisioning.GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None)).Enabled);
        var unlocked = await directory.Get<UnlockEmployee>().ExecuteAsync(directory.Admin, employee.Id, None);

        Assert.Equal(EmployeeStatus.Active, unlocked.Ok().Status);
    }

    [Fact]
    public async Task Unlocking_a_profile_that_is_not_locked_changes_nothing_and_writes_no_event()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");

        var result = (await directory.Get<UnlockEmployee>().ExecuteAsync(directory.Admin, employee.Id, None)).Ok();

        Assert.Equal(EmployeeStatus.Active, result.Status);
        Assert.DoesNotContain(await EmployeeSetup.EventsAsync(directory, employee.Id), e => e.Action == AuditActions.EmployeeUnlock);
    }

    [Fact]
    public async Task Unlock_of_another_tenants_employee_is_not_found()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var inB = await EmployeeSetup.ActiveAsync(directory, "ada@example.com", tenantId: other.TenantId);
        await FailAsync(directory, "ada@example.com", 5, other.TenantId);

        var error = (await directory.Get<UnlockEmployee>().ExecuteAsync(directory.Admin, inB.Id, None)).Failed();

        Assert.Equal(AdminErrorKind.NotFound, error.Kind);
        Assert.Equal(EmployeeStatus.Locked, (await directory.Get<GetEmployee>().ExecuteAsync(other.TenantId, inB.Id, None)).Ok().Status);
    }

    [Fact]
    public async Task No_audit_event_holds_the_password_or_its_hash()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await FailAsync(directory, "ada@example.com", 5);
        (await directory.Get<UnlockEmployee>().ExecuteAsync(directory.Admin, employee.Id, None)).Ok();
        var hash = (await ReadRowAsync(directory, employee.Id)).PasswordHash!;

        var events = await EmployeeSetup.EventsAsync(directory, employee.Id);

        Assert.NotEmpty(events);
        Assert.All(events, e =>
        {
            var text = e.Changes.ToJsonString();
            Assert.DoesNotContain(hash, text, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong", text, StringComparison.Ordinal);
            Assert.DoesNotContain("password_hash", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static Task<SignInResult> Sign(TestDirectory directory, string email, string password) =>
        directory.Get<SignInEmployee>().ExecuteAsync(directory.Caller.TenantId, email, password, None);

    private static async Task FailAsync(TestDirectory directory, string email, int times, Guid? tenantId = null)
    {
        for (var i = 0; i < times; i++)
        {
            var result = await directory.Get<SignInEmployee>().ExecuteAsync(tenantId ?? directory.Caller.TenantId, email, "wrong password " + i, None);
            Assert.False(result.Succeeded);
        }
    }

    private static async Task<Employee> Get(TestDirectory directory, Guid id) =>
        (await directory.Get<GetEmployee>().ExecuteAsync(directory.Caller.TenantId, id, None)).Ok();

    private static async Task<EmployeeRow> ReadRowAsync(TestDirectory directory, Guid id)
    {
        await using var session = await directory.Database.ReadAsync(directory.Caller.TenantId, None);
        return (await EmployeeSql.ReadAsync(session, id, None))!;
    }

    private static async Task GiveRoleByScimAsync(TestDirectory directory, Guid id, string role) =>
        (await directory.Users.PatchAsync(directory.Caller, id.ToString(),
            Requests.Patch($$"""[{"op":"add","path":"roles","value":[{"value":"{{role}}"}]}]"""), null, false, None)).Ok();
}
