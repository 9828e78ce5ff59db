using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Employees;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Employees;

/// <summary>A lock is lifted by time, by an emailed link the person opens, or by an administrator.</summary>
public sealed class UnlockTests
{
    private const string UnlockUrl = "https://roster.example.com/unlock";
    private const string Owner = "192.0.2.10";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task An_administrator_unlocks_a_locked_profile_and_it_is_audited()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await EmployeeSetup.LockAsync(directory, "ada@example.com");

        var unlocked = (await directory.Get<UnlockEmployee>().ExecuteAsync(directory.Admin, employee.Id, None)).Ok();

        Assert.Equal(EmployeeStatus.Active, unlocked.Status);
        Assert.True((await Sign(directory, "198.51.100.0", EmployeeSetup.Password)).Succeeded);
        var unlock = Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id), e => e.Action == AuditActions.EmployeeUnlock);
        Assert.Equal("console", unlock.Client);
        Assert.Equal("locked", unlock.Changes["status"]!["before"]!.GetValue<string>());
        Assert.Equal("active", unlock.Changes["status"]!["after"]!.GetValue<string>());
        Assert.Equal(SignInLockout.AccountFailures / SignInLockout.AddressFailures, unlock.Changes["lockedAddresses"]!.GetValue<int>());
    }

    [Fact]
    public async Task Unlock_works_while_SCIM_provisioning_is_on()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await EmployeeSetup.LockAsync(directory, "ada@example.com");

        Assert.True((await directory.Get<Roster.Directory.Provisioning.GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None)).Enabled);
        var unlocked = await directory.Get<UnlockEmployee>().ExecuteAsync(directory.Admin, employee.Id, None);

        Assert.Equal(EmployeeStatus.Active, unlocked.Ok().Status);
    }

    [Fact]
    public async Task Unlocking_a_profile_with_nothing_to_forget_changes_nothing_and_writes_no_event()
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
        await EmployeeSetup.LockAsync(directory, "ada@example.com", other.TenantId);

        var error = (await directory.Get<UnlockEmployee>().ExecuteAsync(directory.Admin, inB.Id, None)).Failed();

        Assert.Equal(AdminErrorKind.NotFound, error.Kind);
        Assert.Equal(EmployeeStatus.Locked, (await directory.Get<GetEmployee>().ExecuteAsync(other.TenantId, inB.Id, None)).Ok().Status);
    }

    [Fact]
    public async Task A_locked_person_gets_a_link_that_unlocks_once_and_is_credited_to_them()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await EmployeeSetup.LockAsync(directory, "ada@example.com");

        await directory.Get<SendUnlockLink>().ExecuteAsync("ADA@example.com", Owner, UnlockUrl, None);
        var mail = Assert.Single(Mailbox.Read(directory.MailFolder));
        var token = Mailbox.Token(mail);
        var unlocked = await directory.Get<UnlockByLink>().ExecuteAsync(token, Owner, None);
        var again = await directory.Get<UnlockByLink>().ExecuteAsync(token, Owner, None);

        Assert.Contains(UnlockUrl + "#token=", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(EmployeeStatus.Active, unlocked.Ok().Status);
        Assert.Equal(UnlockByLink.InvalidLink, again.Failed().Detail);
        Assert.True((await Sign(directory, Owner, EmployeeSetup.Password)).Succeeded);
        var unlock = Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id), e => e.Action == AuditActions.EmployeeUnlock);
        Assert.Equal(UnlockByLink.Client, unlock.Client);
        Assert.Equal(employee.Id, unlock.ActorProfileId);
        Assert.DoesNotContain(token, unlock.Changes.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unlock_link_expires_after_an_hour()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await EmployeeSetup.LockAsync(directory, "ada@example.com");
        await directory.Get<SendUnlockLink>().ExecuteAsync("ada@example.com", Owner, UnlockUrl, None);

        directory.Advance(TimeSpan.FromHours(1));
        var expired = await directory.Get<UnlockByLink>().ExecuteAsync(Mailbox.Token(Mailbox.Read(directory.MailFolder).Single()), Owner, None);

        Assert.Equal(UnlockByLink.InvalidLink, expired.Failed().Detail);
    }

    [Fact]
    public async Task No_link_goes_to_an_unknown_email_a_profile_that_is_not_locked_or_a_deactivated_one()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await EmployeeSetup.ActiveAsync(directory, "alan@example.com");
        await EmployeeSetup.LockAsync(directory, "alan@example.com");
        var alan = (await directory.Get<ListEmployees>().ExecuteAsync(directory.Caller.TenantId, null, "alan", 1, 10, None)).Ok().Employees.Single();
        (await directory.Users.PatchAsync(directory.Caller, alan.Id.ToString(), Requests.Patch("""[{"op":"replace","path":"active","value":false}]"""), null, false, None)).Ok();
        var send = directory.Get<SendUnlockLink>();

        await send.ExecuteAsync("nobody@example.com", Owner, UnlockUrl, None);
        await send.ExecuteAsync("ada@example.com", Owner, UnlockUrl, None);
        await send.ExecuteAsync("alan@example.com", Owner, UnlockUrl, None);

        Assert.Empty(Mailbox.Read(directory.MailFolder));
    }

    [Fact]
    public async Task An_address_locked_out_by_the_persons_own_typos_gets_a_link_that_frees_it()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        for (var i = 0; i < SignInLockout.AddressFailures; i++)
        {
            await Sign(directory, Owner, "typo " + i);
        }

        await directory.Get<SendUnlockLink>().ExecuteAsync("ada@example.com", Owner, UnlockUrl, None);
        (await directory.Get<UnlockByLink>().ExecuteAsync(Mailbox.Token(Mailbox.Read(directory.MailFolder).Single()), Owner, None)).Ok();

        Assert.True((await Sign(directory, Owner, EmployeeSetup.Password)).Succeeded);
    }

    [Fact]
    public async Task No_audit_event_holds_the_password_or_its_hash()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await EmployeeSetup.LockAsync(directory, "ada@example.com");
        (await directory.Get<UnlockEmployee>().ExecuteAsync(directory.Admin, employee.Id, None)).Ok();
        await using var session = await directory.Database.ReadAsync(directory.Caller.TenantId, None);
        var hash = (await EmployeeSql.ReadAsync(session, employee.Id, None))!.PasswordHash!;

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

    private static Task<SignInResult> Sign(TestDirectory directory, string address, string password) =>
        directory.Get<SignInEmployee>().ExecuteAsync(directory.Caller.TenantId, "ada@example.com", password, address, None);
}
