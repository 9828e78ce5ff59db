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
        Assert.True(result.PasswordMatched);
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
    public async Task Every_failure_before_a_right_password_gets_the_same_generic_reason()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await EmployeeSetup.InvitedAsync(directory, "invited@example.com");
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("grace@example.com").WithEmail("grace@example.com").Build(), None)).Ok();
        var leaver = await EmployeeSetup.ActiveAsync(directory, "leaver@example.com");
        await DeactivateAsync(directory, leaver.Id);
        await EmployeeSetup.ActiveAsync(directory, "locked@example.com");
        await EmployeeSetup.LockAsync(directory, "locked@example.com");

        var results = new[]
        {
            await Sign(directory, "nobody@example.com", EmployeeSetup.Password),
            await Sign(directory, "ada@example.com", "not the password"),
            await Sign(directory, "invited@example.com", EmployeeSetup.Password),
            await Sign(directory, "grace@example.com", EmployeeSetup.Password),
            await Sign(directory, "leaver@example.com", "not the password"),
            await Sign(directory, "locked@example.com", "not the password"),
            await Sign(directory, "locked@example.com", EmployeeSetup.Password),
            await Sign(directory, "ada\uFF20example.com", EmployeeSetup.Password),
        };

        Assert.All(results, r =>
        {
            Assert.False(r.Succeeded);
            Assert.False(r.PasswordMatched);
            Assert.Null(r.Employee);
            Assert.Empty(r.Permissions);
            Assert.Equal(SignInFailures.Generic, r.FailureReason);
        });
    }

    [Fact]
    public async Task A_deactivated_profile_is_told_so_only_after_the_right_password()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await DeactivateAsync(directory, employee.Id);

        var result = await Sign(directory, "ada@example.com", EmployeeSetup.Password);

        Assert.False(result.Succeeded);
        Assert.True(result.PasswordMatched);
        Assert.Equal(SignInFailures.Deactivated, result.FailureReason);
    }

    [Fact]
    public async Task An_address_look_alike_is_not_an_email_and_finds_nobody()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.ActiveAsync(directory, "ada@example.com");

        var fullwidth = await Sign(directory, "ada\uFF20example.com", EmployeeSetup.Password);
        var noBreakSpace = await Sign(directory, "ada@example.com\u00A0x", EmployeeSetup.Password);
        var composedTyping = await Sign(directory, "ADA@EXAMPLE.COM", EmployeeSetup.Password);

        Assert.False(fullwidth.Succeeded);
        Assert.False(noBreakSpace.Succeeded);
        Assert.True(composedTyping.Succeeded);
    }

    [Fact]
    public async Task Sign_in_only_sees_the_tenant_asked_and_failures_in_one_tenant_leave_the_other_alone()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var inA = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        var inB = await EmployeeSetup.ActiveAsync(directory, "ada@example.com", tenantId: other.TenantId, password: "tenant b password");

        await EmployeeSetup.LockAsync(directory, "ada@example.com", other.TenantId);
        var a = await Sign(directory, "ada@example.com", EmployeeSetup.Password);
        var aPasswordInB = await directory.Get<SignInEmployee>().ExecuteAsync(other.TenantId, "ada@example.com", EmployeeSetup.Password, None);
        var unknownTenant = await directory.Get<SignInEmployee>().ExecuteAsync(Guid.NewGuid(), "ada@example.com", EmployeeSetup.Password, None);

        Assert.True(a.Succeeded);
        Assert.Equal(inA.Id, a.Employee!.Id);
        Assert.Equal(SignInFailures.Generic, aPasswordInB.FailureReason);
        Assert.Equal(EmployeeStatus.Locked, (await directory.Get<GetEmployee>().ExecuteAsync(other.TenantId, inB.Id, None)).Ok().Status);
        Assert.Equal(SignInFailures.Generic, unknownTenant.FailureReason);
    }

    private static Task<SignInResult> Sign(TestDirectory directory, string email, string password) =>
        directory.Get<SignInEmployee>().ExecuteAsync(directory.Caller.TenantId, email, password, "192.0.2.1", None);

    private static async Task DeactivateAsync(TestDirectory directory, Guid id) =>
        (await directory.Users.PatchAsync(directory.Caller, id.ToString(),
            Requests.Patch("""[{"op":"replace","path":"active","value":false}]"""), null, false, None)).Ok();

    private static async Task GiveRoleByScimAsync(TestDirectory directory, Guid id, string role) =>
        (await directory.Users.PatchAsync(directory.Caller, id.ToString(),
            Requests.Patch($$"""[{"op":"add","path":"roles","value":[{"value":"{{role}}"}]}]"""), null, false, None)).Ok();
}
