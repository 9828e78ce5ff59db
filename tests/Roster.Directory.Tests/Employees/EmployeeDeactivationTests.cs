using Roster.Directory.Administration;
using Roster.Directory.Employees;
using Roster.Directory.Tests.Support;
using Roster.Directory.Tokens;

namespace Roster.Directory.Tests.Employees;

/// <summary>An administrator deactivates and reactivates a profile by hand (tenants without SCIM).</summary>
public sealed class EmployeeDeactivationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Deactivating_stops_the_profiles_token_and_sign_in_and_reactivating_restores_both()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EmployeeSetup.SetScimAsync(directory, enabled: false);
        var employee = await EmployeeSetup.ActiveAsync(directory, "pat@example.com");
        var token = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", employee.Id, null), None)).Ok();
        var update = directory.Get<UpdateEmployee>();

        var deactivated = (await update.ExecuteAsync(directory.Admin, employee.Id, new EmployeeUpdate(Active: false), None)).Ok();
        var refusedToken = await directory.Get<ScimTokenVerifier>().VerifyAsync(token.Token, null, None);
        var refusedSignIn = await directory.Get<SignInEmployee>().ExecuteAsync(directory.Caller.TenantId, "pat@example.com", EmployeeSetup.Password, None);
        var reactivated = (await update.ExecuteAsync(directory.Admin, employee.Id, new EmployeeUpdate(Active: true), None)).Ok();

        Assert.Equal(EmployeeStatus.Deactivated, deactivated.Status);
        Assert.False(refusedToken.Succeeded);
        Assert.False(refusedSignIn.Succeeded);
        Assert.Equal(EmployeeStatus.Active, reactivated.Status);
        Assert.True((await directory.Get<ScimTokenVerifier>().VerifyAsync(token.Token, null, None)).Succeeded);
        var events = await EmployeeSetup.EventsAsync(directory, employee.Id);
        Assert.Equal(2, events.Count(e => e.Action == Directory.Audit.AuditActions.EmployeeUpdate && e.Changes.ToJsonString().Contains("deactivated", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task While_scim_is_on_deactivating_by_hand_is_refused()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var employee = await EmployeeSetup.ActiveAsync(directory, "pat@example.com");

        var refused = (await directory.Get<UpdateEmployee>().ExecuteAsync(directory.Admin, employee.Id, new EmployeeUpdate(Active: false), None)).Failed();

        Assert.Equal(AdminErrorKind.ManagedByScim, refused.Kind);
    }
}
