using System.Net;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Domains;
using Roster.Directory.Tests.Support;
using Roster.Scim.Errors;

namespace Roster.Directory.Tests.Provisioning;

/// <summary>The verified-domains policy on SCIM writes and employee management; domains are verified through a real DNS server.</summary>
public sealed class VerifiedDomainPolicyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Without_enforcement_any_email_domain_is_accepted()
    {
        await using var directory = await TestDirectory.CreateAsync();

        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("ada@unverified.test").WithEmail("ada@unverified.test").Build(), None)).Ok();
    }

    [Fact]
    public async Task Enforcement_refuses_a_create_with_an_unverified_email_domain_and_stores_nothing()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EnforceAsync(directory, directory.Admin);
        var domain = (await directory.Get<Roster.Directory.Domains.AddDomain>().ExecuteAsync(directory.Admin, "pending.test", None)).Ok();

        var unverified = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("ada").WithEmail("ada@pending.test").Build(), None)).Failed();
        var unknown = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("grace@Other.test").Build(), None)).Failed();

        Assert.Equal((HttpStatusCode.BadRequest, ScimErrorTypes.InvalidValue), (unverified.Status, unverified.ScimType));
        Assert.Equal(
            "The email domain 'pending.test' is not verified for this organization; verify it under Verified domains or turn off domain enforcement.",
            unverified.Detail);
        Assert.Contains("'Other.test'", unknown.Detail, StringComparison.Ordinal);
        Assert.Equal(0, (await directory.Users.ListAsync(directory.Caller, new Roster.Scim.Listing.ListQuery { Count = 0 }, None)).Ok().TotalResults);
        Assert.Empty((await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { Action = AuditActions.UserCreate }, None)).Ok().Events);
        Assert.False(domain.Verified);
    }

    [Fact]
    public async Task Enforcement_accepts_verified_domains_in_every_spelling_and_checks_every_email()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await DomainVerificationTests.AddVerifiedAsync(directory, directory.Admin, "bücher.test");
        await DomainVerificationTests.AddVerifiedAsync(directory, directory.Admin, "acme.test");
        await EnforceAsync(directory, directory.Admin);

        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("ada@BÜCHER.test").WithEmail("ada@xn--bcher-kva.test").WithEmail("ada@ACME.test", "home").Build(), None)).Ok();
        var second = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bob@acme.test").WithEmail("bob@acme.test").WithEmail("bob@gmail.test", "home").Build(), None)).Failed();
        var subdomain = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("eve@eu.acme.test").Build(), None)).Failed();

        Assert.Contains("'gmail.test'", second.Detail, StringComparison.Ordinal);
        Assert.Contains("'eu.acme.test'", subdomain.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_userName_that_is_not_an_email_is_not_checked_but_its_emails_are()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await DomainVerificationTests.AddVerifiedAsync(directory, directory.Admin, "acme.test");
        await EnforceAsync(directory, directory.Admin);

        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("bjensen").WithEmail("b@acme.test").Build(), None)).Ok();
        (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("nomail").Build(), None)).Ok();
    }

    [Fact]
    public async Task Enforcement_refuses_a_PATCH_that_adds_an_unverified_email_and_leaves_the_user_unchanged()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await DomainVerificationTests.AddVerifiedAsync(directory, directory.Admin, "acme.test");
        await EnforceAsync(directory, directory.Admin);
        var user = (await directory.Users.CreateAsync(directory.Caller, new UserBuilder("ada@acme.test").WithEmail("ada@acme.test").Build(), None)).Ok();

        var error = (await directory.Users.PatchAsync(directory.Caller, user.Id,
            Requests.Patch("""[{"op":"add","path":"emails","value":[{"value":"ada@elsewhere.test","type":"home"}]}]"""), null, false, None)).Failed();
        var renamed = (await directory.Users.PatchAsync(directory.Caller, user.Id,
            Requests.Patch("""[{"op":"replace","path":"title","value":"Engineer"}]"""), null, false, None)).Ok();

        Assert.Equal(ScimErrorTypes.InvalidValue, error.ScimType);
        Assert.Contains("'elsewhere.test'", error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("elsewhere.test", renamed.Document.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_domain_verified_by_another_tenant_does_not_count()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var otherAdmin = new AdminActor(other.TenantId, null, null, "console", PermissionSet.Unbounded);
        await DomainVerificationTests.AddVerifiedAsync(directory, directory.Admin, "acme.test");
        await EnforceAsync(directory, otherAdmin);

        var error = (await directory.Users.CreateAsync(other, new UserBuilder("ada@acme.test").Build(), None)).Failed();

        Assert.Contains("'acme.test' is not verified", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employee_management_follows_the_same_rule()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await DomainVerificationTests.AddVerifiedAsync(directory, directory.Admin, "acme.test");
        var settings = await directory.Get<GetScimSettings>().ExecuteAsync(directory.Caller.TenantId, None);
        (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin,
            ScimSettingsUpdate.From(settings) with { Enabled = false, EnforceVerifiedDomains = true }, None)).Ok();

        var refused = (await directory.Get<CreateEmployee>().ExecuteAsync(directory.Admin, new EmployeeDraft("grace@navy.test", "Grace", "Hopper"), None)).Failed();
        (await directory.Get<CreateEmployee>().ExecuteAsync(directory.Admin, new EmployeeDraft("ada@acme.test", "Ada", "Lovelace"), None)).Ok();

        Assert.Equal(AdminErrorKind.Validation, refused.Kind);
        Assert.StartsWith("The email domain 'navy.test' is not verified for this organization", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_settings_without_the_new_switch_keeps_it()
    {
        await using var directory = await TestDirectory.CreateAsync();
        await EnforceAsync(directory, directory.Admin);

        var saved = (await directory.Get<UpdateScimSettings>().ExecuteAsync(directory.Admin, new ScimSettingsUpdate(true, null, null, false, true), None)).Ok();

        Assert.True(saved.EnforceVerifiedDomains);
        Assert.True(saved.NamesNotUpdatable);
    }

    private static async Task EnforceAsync(TestDirectory directory, AdminActor admin)
    {
        var settings = await directory.Get<GetScimSettings>().ExecuteAsync(admin.TenantId, None);
        (await directory.Get<UpdateScimSettings>().ExecuteAsync(admin, ScimSettingsUpdate.From(settings) with { EnforceVerifiedDomains = true }, None)).Ok();
    }
}
