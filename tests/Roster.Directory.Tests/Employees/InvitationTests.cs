using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Employees;
using Roster.Directory.Tests.Support;
using Roster.Directory.Users;

namespace Roster.Directory.Tests.Employees;

public sealed class InvitationTests
{
    private const string ActivationUrl = "https://roster.example.com/activate";
    private const string NewPassword = "a long enough password";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Invite_writes_an_eml_with_a_single_use_link_valid_for_seven_days()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");

        var invitation = (await directory.Get<InviteEmployee>().ExecuteAsync(directory.Admin, employee.Id, ActivationUrl, None)).Ok();

        Assert.Equal(new Invitation(employee.Id, "ada@example.com", TestDirectory.Start.AddDays(7)), invitation);
        var message = Assert.Single(Mailbox.Read(directory.MailFolder));
        Assert.Equal("ada@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("Activate your Roster account", message.Subject);
        Assert.Contains(ActivationUrl + "#token=", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(ActivationUrl + "#token=", message.HtmlBody, StringComparison.Ordinal);
        var token = Mailbox.Token(message);
        var row = await ReadRowAsync(directory, employee.Id);
        Assert.NotEqual(token, row.InvitationHash);
        Assert.Equal(64, row.InvitationHash!.Length);
        Assert.Equal(TestDirectory.Start.AddDays(7), row.InvitationExpires);
        var invite = Assert.Single(await EmployeeSetup.EventsAsync(directory, employee.Id), e => e.Action == AuditActions.EmployeeInvite);
        Assert.DoesNotContain(token.Split('.')[1], invite.Changes.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(row.InvitationHash, invite.Changes.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activation_sets_the_password_makes_the_profile_active_and_lets_the_person_sign_in()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");
        var token = await InviteAsync(directory, employee.Id);

        var activated = (await directory.Get<ActivateEmployee>().ExecuteAsync(token, NewPassword, None)).Ok();

        Assert.Equal(EmployeeStatus.Active, activated.Status);
        Assert.Equal(employee.Id, activated.Id);
        var row = await ReadRowAsync(directory, employee.Id);
        Assert.Null(row.InvitationHash);
        Assert.Null(row.InvitationExpires);
        Assert.NotNull(row.PasswordHash);
        Assert.DoesNotContain(NewPassword, row.PasswordHash, StringComparison.Ordinal);
        Assert.True((await directory.Get<SignInEmployee>().ExecuteAsync(directory.Caller.TenantId, "ada@example.com", NewPassword, None)).Succeeded);
        var events = await EmployeeSetup.EventsAsync(directory, employee.Id);
        var activation = Assert.Single(events, e => e.Action == AuditActions.EmployeeActivate);
        Assert.Equal(employee.Id, activation.ActorProfileId);
        Assert.All(events, e =>
        {
            Assert.DoesNotContain(NewPassword, e.Changes.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain(row.PasswordHash, e.Changes.ToJsonString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_token_works_only_once()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");
        var token = await InviteAsync(directory, employee.Id);
        (await directory.Get<ActivateEmployee>().ExecuteAsync(token, NewPassword, None)).Ok();

        var again = (await directory.Get<ActivateEmployee>().ExecuteAsync(token, "another long password", None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, again.Kind);
        Assert.True((await directory.Get<SignInEmployee>().ExecuteAsync(directory.Caller.TenantId, "ada@example.com", NewPassword, None)).Succeeded);
    }

    [Fact]
    public async Task A_token_expires_after_seven_days_and_the_refusal_changes_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");
        var token = await InviteAsync(directory, employee.Id);
        directory.Advance(TimeSpan.FromDays(7));

        var expired = (await directory.Get<ActivateEmployee>().ExecuteAsync(token, NewPassword, None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, expired.Kind);
        Assert.Contains("expired", expired.Detail, StringComparison.Ordinal);
        var row = await ReadRowAsync(directory, employee.Id);
        Assert.Equal(EmployeeStatus.Invited, row.EffectiveStatus);
        Assert.Null(row.PasswordHash);
        Assert.DoesNotContain(await EmployeeSetup.EventsAsync(directory, employee.Id), e => e.Action == AuditActions.EmployeeActivate);
    }

    [Fact]
    public async Task A_token_still_works_just_before_it_expires()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");
        var token = await InviteAsync(directory, employee.Id);
        directory.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));

        Assert.Equal(EmployeeStatus.Active, (await directory.Get<ActivateEmployee>().ExecuteAsync(token, NewPassword, None)).Ok().Status);
    }

    [Fact]
    public async Task Inviting_again_replaces_the_old_token()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");
        var first = await InviteAsync(directory, employee.Id);
        directory.Advance(TimeSpan.FromDays(1));
        var second = await InviteAsync(directory, employee.Id);

        var old = (await directory.Get<ActivateEmployee>().ExecuteAsync(first, NewPassword, None)).Failed();
        var current = (await directory.Get<ActivateEmployee>().ExecuteAsync(second, NewPassword, None)).Ok();

        Assert.NotEqual(first, second);
        Assert.Equal(AdminErrorKind.Validation, old.Kind);
        Assert.Equal(EmployeeStatus.Active, current.Status);
        Assert.Equal(2, Mailbox.Read(directory.MailFolder).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("elevenchars")]
    public async Task A_password_shorter_than_twelve_characters_is_refused_and_the_token_stays_usable(string password)
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");
        var token = await InviteAsync(directory, employee.Id);

        var error = (await directory.Get<ActivateEmployee>().ExecuteAsync(token, password, None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, error.Kind);
        Assert.Contains("12", error.Detail, StringComparison.Ordinal);
        Assert.Null((await ReadRowAsync(directory, employee.Id)).PasswordHash);
        Assert.Equal(EmployeeStatus.Active, (await directory.Get<ActivateEmployee>().ExecuteAsync(token, "twelve chars", None)).Ok().Status);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("00000000000000000000000000000000.abc")]
    public async Task A_made_up_token_is_refused(string token)
    {
        await using var directory = await TestDirectory.CreateAsync();

        var error = (await directory.Get<ActivateEmployee>().ExecuteAsync(token, NewPassword, None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, error.Kind);
    }

    [Fact]
    public async Task A_token_of_one_tenant_cannot_activate_a_profile_of_another()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var inA = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");
        await EmployeeSetup.InvitedAsync(directory, "ada@example.com", tenantId: other.TenantId);
        var token = await InviteAsync(directory, inA.Id);
        var secret = token.Split('.')[1];

        var forged = (await directory.Get<ActivateEmployee>().ExecuteAsync($"{other.TenantId:N}.{secret}", NewPassword, None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, forged.Kind);
        Assert.Equal(EmployeeStatus.Active, (await directory.Get<ActivateEmployee>().ExecuteAsync(token, NewPassword, None)).Ok().Status);
        var inB = (await directory.Get<ListEmployees>().ExecuteAsync(other.TenantId, null, null, 1, None)).Ok().Employees.Single();
        Assert.Equal(EmployeeStatus.Invited, inB.Status);
    }

    [Fact]
    public async Task Invite_is_allowed_while_SCIM_is_on_for_a_provisioned_user_without_a_password()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("grace@example.com").WithEmail("grace@example.com").Build(), None)).Ok();

        (await directory.Get<InviteEmployee>().ExecuteAsync(directory.Admin, Guid.Parse(user.Id), ActivationUrl, None)).Ok();
        var token = Mailbox.Token(Assert.Single(Mailbox.Read(directory.MailFolder)));
        (await directory.Get<ActivateEmployee>().ExecuteAsync(token, NewPassword, None)).Ok();

        Assert.True((await directory.Get<SignInEmployee>().ExecuteAsync(directory.Caller.TenantId, "GRACE@example.com", NewPassword, None)).Succeeded);
    }

    [Fact]
    public async Task Active_deactivated_and_locked_profiles_are_not_invited_and_no_mail_goes_out()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var active = await EmployeeSetup.ActiveAsync(directory, "ada@example.com");
        var deactivated = (await directory.Get<UserStore>().CreateAsync(directory.Caller, new UserBuilder("alan@example.com").WithActive(false).Build(), None)).Ok();
        var locked = await EmployeeSetup.ActiveAsync(directory, "grace@example.com");
        await EmployeeSetup.LockAsync(directory, "grace@example.com");

        var invite = directory.Get<InviteEmployee>();
        var errors = new[]
        {
            (await invite.ExecuteAsync(directory.Admin, active.Id, ActivationUrl, None)).Failed(),
            (await invite.ExecuteAsync(directory.Admin, Guid.Parse(deactivated.Id), ActivationUrl, None)).Failed(),
            (await invite.ExecuteAsync(directory.Admin, locked.Id, ActivationUrl, None)).Failed(),
        };

        Assert.All(errors, e => Assert.Equal(AdminErrorKind.Conflict, e.Kind));
        Assert.Empty(Mailbox.Read(directory.MailFolder));
    }

    [Theory]
    [InlineData("activate")]
    [InlineData("ftp://roster.example.com/activate")]
    [InlineData("https://roster.example.com/activate#x")]
    public async Task The_activation_url_must_be_an_absolute_http_url(string url)
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");

        var error = (await directory.Get<InviteEmployee>().ExecuteAsync(directory.Admin, employee.Id, url, None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, error.Kind);
        Assert.Empty(Mailbox.Read(directory.MailFolder));
    }

    [Fact]
    public async Task Invite_of_another_tenants_employee_is_not_found_and_sends_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var inB = await EmployeeSetup.InvitedAsync(directory, "ada@example.com", tenantId: other.TenantId);

        var error = (await directory.Get<InviteEmployee>().ExecuteAsync(directory.Admin, inB.Id, ActivationUrl, None)).Failed();

        Assert.Equal(AdminErrorKind.NotFound, error.Kind);
        Assert.Empty(Mailbox.Read(directory.MailFolder));
    }

    [Fact]
    public async Task An_activation_url_with_a_query_keeps_it_and_gets_the_token_in_its_fragment()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.InvitedAsync(directory, "ada@example.com");

        (await directory.Get<InviteEmployee>().ExecuteAsync(directory.Admin, employee.Id, "https://roster.example.com/activate?org=a", None)).Ok();

        Assert.Contains("https://roster.example.com/activate?org=a#token=", Assert.Single(Mailbox.Read(directory.MailFolder)).TextBody, StringComparison.Ordinal);
    }

    private static async Task<string> InviteAsync(TestDirectory directory, Guid employeeId)
    {
        var before = Mailbox.Read(directory.MailFolder).Count;
        (await directory.Get<InviteEmployee>().ExecuteAsync(directory.Admin, employeeId, ActivationUrl, None)).Ok();
        var messages = Mailbox.Read(directory.MailFolder);
        Assert.Equal(before + 1, messages.Count);
        return Mailbox.Token(messages.OrderBy(m => m.Date).ThenBy(m => m.MessageId, StringComparer.Ordinal).Last());
    }

    private static async Task<EmployeeRow> ReadRowAsync(TestDirectory directory, Guid id)
    {
        await using var session = await directory.Database.ReadAsync(directory.Caller.TenantId, None);
        return (await EmployeeSql.ReadAsync(session, id, None))!;
    }
}
