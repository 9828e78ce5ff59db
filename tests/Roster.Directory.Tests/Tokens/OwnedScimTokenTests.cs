using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;
using Roster.Directory.Tokens;

namespace Roster.Directory.Tests.Tokens;

/// <summary>SCIM tokens generated for an employee profile: lifetime policy, the owner's status, credit in the audit log.</summary>
public sealed class OwnedScimTokenTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_token_without_an_expiry_lives_365_days_and_belongs_to_its_owner()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var owner = await EmployeeSetup.InvitedAsync(directory, "scim@example.com");

        var issued = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", owner.Id, null), None)).Ok();

        Assert.Equal(TestDirectory.Start.AddDays(365), issued.Expires);
        var listed = Assert.Single(await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None));
        Assert.Equal(owner.Id, listed.OwnerId);
        Assert.Equal("scim@example.com", listed.OwnerUserName);
        Assert.Equal(ScimTokenState.Active, listed.State);
        var authenticated = await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None);
        Assert.True(authenticated.Succeeded);
        Assert.Equal(owner.Id, authenticated.OwnerId);
    }

    [Fact]
    public async Task Expiries_in_the_past_or_beyond_the_tenant_maximum_are_refused_and_nothing_is_stored()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var owner = await EmployeeSetup.InvitedAsync(directory, "scim@example.com");
        var settings = await directory.Get<GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None);
        (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin, ScimSettingsUpdate.From(settings) with { TokenMaxDays = 90 }, None)).Ok();

        var past = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", owner.Id, TestDirectory.Start.AddMinutes(-1)), None)).Failed();
        var tooFar = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", owner.Id, TestDirectory.Start.AddDays(91)), None)).Failed();
        var defaultTooFar = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", owner.Id, null), None)).Failed();
        (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", owner.Id, TestDirectory.Start.AddDays(90)), None)).Ok();

        Assert.Equal(AdminErrorKind.Validation, past.Kind);
        Assert.Contains("future", past.Detail, StringComparison.Ordinal);
        Assert.Contains("at most 90 days", tooFar.Detail, StringComparison.Ordinal);
        Assert.Contains("at most 90 days", defaultTooFar.Detail, StringComparison.Ordinal);
        Assert.All(new[] { past, tooFar, defaultTooFar }, error => Assert.Equal("expires", error.Field));
        Assert.Single(await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None));
    }

    [Fact]
    public async Task The_owner_must_be_a_profile_of_the_tenant_and_not_deactivated()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var theirs = await EmployeeSetup.InvitedAsync(directory, "b@example.com", tenantId: other.TenantId);
        var gone = (await directory.Users.CreateAsync(directory.Caller, User("gone@example.com", active: false), None)).Ok();

        var unknown = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", theirs.Id, null), None)).Failed();
        var deactivated = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", Guid.Parse(gone.Id), null), None)).Failed();
        var unnamed = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("  ", theirs.Id, null), None)).Failed();

        Assert.Equal(AdminErrorKind.NotFound, unknown.Kind);
        Assert.Equal(AdminErrorKind.Validation, deactivated.Kind);
        Assert.Contains("deactivated", deactivated.Detail, StringComparison.Ordinal);
        Assert.Equal(AdminErrorKind.Validation, unnamed.Kind);
        Assert.Equal("ownerId", deactivated.Field);
        Assert.Equal("name", unnamed.Field);
        Assert.Empty(await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None));
    }

    [Fact]
    public async Task Deactivating_the_owner_through_SCIM_stops_the_token_and_reactivating_restores_it()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var owner = (await directory.Users.CreateAsync(directory.Caller, User("owner@example.com", active: true), None)).Ok();
        var issued = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", Guid.Parse(owner.Id), null), None)).Ok();

        await SetActiveAsync(directory, owner.Id, false);
        var refused = await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None);
        await SetActiveAsync(directory, owner.Id, true);
        var restored = await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None);

        Assert.False(refused.Succeeded);
        Assert.Equal(ScimTokenVerifier.OwnerDeactivatedReason, refused.FailureReason);
        Assert.True(restored.Succeeded);
    }

    [Fact]
    public async Task Deleting_the_owner_deletes_its_tokens()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var owner = (await directory.Users.CreateAsync(directory.Caller, User("owner@example.com", active: true), None)).Ok();
        var issued = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", Guid.Parse(owner.Id), null), None)).Ok();

        (await directory.Users.DeleteAsync(directory.Caller, owner.Id, null, None)).Ok();

        Assert.False((await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None)).Succeeded);
        Assert.Empty(await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None));
    }

    [Fact]
    public async Task A_token_is_flagged_as_expiring_30_days_before_its_expiry()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var owner = await EmployeeSetup.InvitedAsync(directory, "scim@example.com");
        (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", owner.Id, TestDirectory.Start.AddDays(60)), None)).Ok();

        directory.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        var before = Assert.Single(await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None)).State;
        directory.Advance(TimeSpan.FromSeconds(1));
        var warned = Assert.Single(await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None)).State;
        directory.Advance(TimeSpan.FromDays(30));
        var expired = Assert.Single(await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None)).State;

        Assert.Equal(ScimTokenState.Active, before);
        Assert.Equal(ScimTokenState.Expiring, warned);
        Assert.Equal(ScimTokenState.Expired, expired);
    }

    [Fact]
    public async Task Use_records_the_time_and_the_client_seen()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var owner = await EmployeeSetup.InvitedAsync(directory, "scim@example.com");
        var issued = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", owner.Id, null), None)).Ok();

        directory.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, "Okta", None)).Succeeded);

        var listed = Assert.Single(await directory.Get<ListScimTokens>().ExecuteAsync(directory.Caller.TenantId, None));
        Assert.Equal(TestDirectory.Start.AddMinutes(5), listed.LastUsed);
        Assert.Equal("Okta", listed.LastClient);
    }

    [Fact]
    public async Task Issuing_and_revoking_are_audited_without_the_secret_and_SCIM_changes_are_credited_to_the_owner()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var owner = await EmployeeSetup.InvitedAsync(directory, "scim@example.com");
        var issued = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", owner.Id, null), None)).Ok();
        var caller = directory.Caller with { CredentialId = issued.Id, ProfileId = owner.Id, Client = "Okta" };

        var created = (await directory.Users.CreateAsync(caller, User("new@example.com", active: true), None)).Ok();
        var revoked = (await directory.Get<RevokeScimToken>().ExecuteAsync(directory.Admin, issued.Id, None)).Ok();
        var again = (await directory.Get<RevokeScimToken>().ExecuteAsync(directory.Admin, issued.Id, None)).Ok();

        Assert.Equal(ScimTokenState.Revoked, revoked.State);
        Assert.Equal(revoked.Revoked, again.Revoked);
        var tokenEvents = await EmployeeSetup.EventsAsync(directory, issued.Id);
        Assert.Equal([AuditActions.ScimTokenCreate, AuditActions.ScimTokenRevoke], tokenEvents.Select(e => e.Action));
        Assert.DoesNotContain(issued.Token[12..], tokenEvents[0].Changes.ToJsonString(), StringComparison.Ordinal);
        var userEvent = Assert.Single(await EmployeeSetup.EventsAsync(directory, Guid.Parse(created.Id)));
        Assert.Equal(owner.Id, userEvent.ActorProfileId);
        Assert.Equal(issued.Id, userEvent.CredentialId);
        Assert.Equal("Okta", userEvent.Client);
    }

    [Fact]
    public async Task Another_tenant_cannot_revoke_the_token()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var owner = await EmployeeSetup.InvitedAsync(directory, "scim@example.com");
        var issued = (await directory.Get<IssueScimToken>().ExecuteAsync(directory.Admin, new ScimTokenRequest("Okta", owner.Id, null), None)).Ok();

        var refused = (await directory.Get<RevokeScimToken>().ExecuteAsync(new AdminActor(other.TenantId, null, null, "test", PermissionSet.Unbounded), issued.Id, None)).Failed();

        Assert.Equal(AdminErrorKind.NotFound, refused.Kind);
        Assert.True((await directory.Get<ScimTokenVerifier>().VerifyAsync(issued.Token, null, None)).Succeeded);
    }

    private static JsonObject User(string userName, bool active) => new()
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User"),
        ["userName"] = userName,
        ["active"] = active,
    };

    private static async Task SetActiveAsync(TestDirectory directory, string id, bool active) =>
        (await directory.Users.PatchAsync(directory.Caller, id, Requests.Patch($$"""[{"op":"replace","path":"active","value":{{(active ? "true" : "false")}}}]"""), null, false, None)).Ok();
}
