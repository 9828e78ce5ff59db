using Roster.Directory.Audit;
using Roster.Directory.Employees;
using Roster.Directory.Roles;
using Roster.Directory.Sessions;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Employees;

/// <summary>Failed sign-ins slow guessers down, per address first, without letting them lock the person out (<see cref="SignInLockout"/>).</summary>
public sealed class SignInLockoutTests
{
    private const string Guesser = "203.0.113.66";
    private const string Owner = "192.0.2.10";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Failures_from_one_address_lock_that_address_out_and_leave_the_person_free_elsewhere()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");

        await FailAsync(directory, Guesser, SignInLockout.AddressFailures);
        var guesserWithRightPassword = await Sign(directory, Guesser, EmployeeSetup.Password);
        var owner = await Sign(directory, Owner, EmployeeSetup.Password);

        Assert.Equal(SignInFailures.Generic, guesserWithRightPassword.FailureReason);
        Assert.True(owner.Succeeded);
        Assert.Equal(EmployeeStatus.Active, (await Get(directory, employee.Id)).Status);
        var addressLock = Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id), e => e.Action == AuditActions.EmployeeLock);
        Assert.Equal("address", addressLock.Changes["scope"]!.GetValue<string>());
        Assert.Equal(Guesser, addressLock.Changes["address"]!.GetValue<string>());
        Assert.Equal(SignInEmployee.Client, addressLock.Client);
    }

    [Fact]
    public async Task An_address_lock_runs_out_after_a_minute_and_each_next_one_lasts_twice_as_long()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.ActiveAsync(directory, "ada@example.com");

        await FailAsync(directory, Guesser, SignInLockout.AddressFailures);
        directory.Advance(TimeSpan.FromSeconds(59));
        var stillLocked = await Sign(directory, Guesser, EmployeeSetup.Password);
        directory.Advance(TimeSpan.FromSeconds(1));
        await FailAsync(directory, Guesser, SignInLockout.AddressFailures);
        directory.Advance(TimeSpan.FromSeconds(119));
        var secondStillLocked = await Sign(directory, Guesser, EmployeeSetup.Password);
        directory.Advance(TimeSpan.FromSeconds(1));
        var free = await Sign(directory, Guesser, EmployeeSetup.Password);

        Assert.False(stillLocked.Succeeded);
        Assert.False(secondStillLocked.Succeeded);
        Assert.True(free.Succeeded);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(5, 32)]
    [InlineData(6, 60)]
    [InlineData(40, 60)]
    public void Locks_start_at_a_minute_and_double_up_to_an_hour(int previousLocks, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SignInLockout.Duration(previousLocks));

    [Fact]
    public async Task One_address_alone_never_locks_the_person_out()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");

        for (var round = 0; round < 12; round++)
        {
            await FailAsync(directory, Guesser, SignInLockout.AddressFailures);
            directory.Advance(SignInLockout.LongestLock);
        }

        Assert.Equal(EmployeeStatus.Active, (await Get(directory, employee.Id)).Status);
        Assert.True((await Sign(directory, Owner, EmployeeSetup.Password)).Succeeded);
    }

    [Fact]
    public async Task Guesses_from_many_addresses_lock_the_profile_for_a_while_and_end_its_sessions()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await directory.Get<StartConsoleSession>().ExecuteAsync(directory.Caller.TenantId, employee.Id, TimeSpan.FromHours(8), None);

        await EmployeeSetup.LockAsync(directory, "ada@example.com");
        var ownerWhileLocked = await Sign(directory, Owner, EmployeeSetup.Password);
        var status = (await Get(directory, employee.Id)).Status;
        var sessions = await directory.QuerySqlAsync("SELECT COUNT(*) FROM console_sessions");
        directory.Advance(SignInLockout.FirstLock);
        var ownerAfterwards = await Sign(directory, Owner, EmployeeSetup.Password);

        Assert.Equal(SignInFailures.Generic, ownerWhileLocked.FailureReason);
        Assert.Equal(EmployeeStatus.Locked, status);
        Assert.Equal("0", Assert.Single(sessions));
        Assert.True(ownerAfterwards.Succeeded);
        var lockEvent = Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id), e => e.Action == AuditActions.EmployeeLock && (string?)e.Changes["scope"] == "account");
        Assert.Equal("locked", lockEvent.Changes["status"]!["after"]!.GetValue<string>());
        Assert.Equal(Resources.ScimDateTime.ToText(TestDirectory.Start.Add(SignInLockout.FirstLock)), lockEvent.Changes["lockedUntil"]!.GetValue<string>());
    }

    [Fact]
    public async Task While_the_profile_is_locked_no_guess_is_checked_or_counted()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        await EmployeeSetup.LockAsync(directory, "ada@example.com");
        var before = await ReadRowAsync(directory, employee.Id);

        var guesses = new List<SignInResult>();
        for (var i = 0; i < SignInLockout.AddressFailures * 2; i++)
        {
            guesses.Add(await Sign(directory, "203.0.113." + i, i == 3 ? EmployeeSetup.Password : "guess " + i));
        }

        var after = await ReadRowAsync(directory, employee.Id);
        Assert.All(guesses, g => Assert.Equal(SignInFailures.Generic, g.FailureReason));
        Assert.Equal(before.LockedUntil, after.LockedUntil);
        Assert.Equal(before.FailedSignIns, after.FailedSignIns);
    }

    [Fact]
    public async Task The_last_active_administrator_is_throttled_per_address_but_never_locked()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var everything = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Administrator", [.. Permission.All.Select(p => p.Key)], None)).Ok();
        var admin = await EmployeeSetup.ActiveAsync(directory, "ada@example.com", everything.Id);

        await EmployeeSetup.LockAsync(directory, "ada@example.com");

        Assert.Equal(EmployeeStatus.Active, (await Get(directory, admin.Id)).Status);
        Assert.True((await Sign(directory, Owner, EmployeeSetup.Password)).Succeeded);
        Assert.False((await Sign(directory, "198.51.100.0", EmployeeSetup.Password)).Succeeded);
        Assert.Single(await EmployeeSetup.EventsAsync(directory, admin.Id), e => e.Action == AuditActions.EmployeeThrottle);
        Assert.DoesNotContain(await EmployeeSetup.EventsAsync(directory, admin.Id), e => e.Action == AuditActions.EmployeeLock && (string?)e.Changes["scope"] == "account");
    }

    [Fact]
    public async Task An_administrator_with_another_active_administrator_beside_them_can_be_locked()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var everything = (await directory.Get<CreateRole>().ExecuteAsync(directory.Admin, "Administrator", [.. Permission.All.Select(p => p.Key)], None)).Ok();
        var admin = await EmployeeSetup.ActiveAsync(directory, "ada@example.com", everything.Id);
        await EmployeeSetup.ActiveAsync(directory, "grace@example.com", everything.Id);

        await EmployeeSetup.LockAsync(directory, "ada@example.com");

        Assert.Equal(EmployeeStatus.Locked, (await Get(directory, admin.Id)).Status);
    }

    [Fact]
    public async Task A_success_forgets_the_failures_and_the_back_off()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");

        await FailAsync(directory, Owner, SignInLockout.AddressFailures - 1);
        Assert.True((await Sign(directory, Owner, EmployeeSetup.Password)).Succeeded);
        await FailAsync(directory, Owner, SignInLockout.AddressFailures - 1);

        Assert.True((await Sign(directory, Owner, EmployeeSetup.Password)).Succeeded);
        Assert.Equal(0, (await ReadRowAsync(directory, employee.Id)).FailedSignIns);
        Assert.Empty(await directory.QuerySqlAsync("SELECT address FROM sign_in_addresses"));
    }

    [Fact]
    public async Task Concurrent_failures_from_one_address_are_each_counted()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        var signIn = directory.Get<SignInEmployee>();

        var results = await Task.WhenAll(Enumerable.Range(0, SignInLockout.AddressFailures).Select(i =>
            Task.Run(() => signIn.ExecuteAsync(directory.Caller.TenantId, "ada@example.com", "wrong " + i, Guesser, None))));

        Assert.All(results, r => Assert.False(r.Succeeded));
        Assert.False((await Sign(directory, Guesser, EmployeeSetup.Password)).Succeeded);
        Assert.Equal(SignInLockout.AddressFailures, (await ReadRowAsync(directory, employee.Id)).FailedSignIns);
    }

    private static Task<SignInResult> Sign(TestDirectory directory, string address, string password) =>
        directory.Get<SignInEmployee>().ExecuteAsync(directory.Caller.TenantId, "ada@example.com", password, address, None);

    private static async Task FailAsync(TestDirectory directory, string address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.False((await Sign(directory, address, "wrong password " + i)).Succeeded);
        }
    }

    private static async Task<Employee> Get(TestDirectory directory, Guid id) =>
        (await directory.Get<GetEmployee>().ExecuteAsync(directory.Caller.TenantId, id, None)).Ok();

    private static async Task<EmployeeRow> ReadRowAsync(TestDirectory directory, Guid id)
    {
        await using var session = await directory.Database.ReadAsync(directory.Caller.TenantId, None);
        return (await EmployeeSql.ReadAsync(session, id, None))!;
    }
}
