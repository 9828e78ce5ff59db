using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Domains;
using Roster.Directory.Roles;
using Roster.Directory.Tests.Support;

namespace Roster.Directory.Tests.Domains;

/// <summary>Domain use cases against a real DNS server (dnsmasq on loopback).</summary>
public sealed class DomainVerificationTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Add_normalises_the_domain_and_gives_the_TXT_record_to_publish()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var domain = (await directory.Get<AddDomain>().ExecuteAsync(directory.Admin, " Bücher.Example. ", None)).Ok();

        Assert.Equal("xn--bcher-kva.example", domain.Domain);
        Assert.Equal("_roster-challenge.xn--bcher-kva.example", domain.RecordName);
        Assert.Matches("^roster-domain-verification=[0-9a-f]{32}$", domain.RecordValue);
        Assert.False(domain.Verified);
        Assert.Null(domain.LastCheckedAt);
        Assert.Equal(TestDirectory.Start, domain.Created);
        Assert.Equal(domain, Assert.Single(await directory.Get<ListDomains>().ExecuteAsync(directory.Caller.TenantId, None)));
        var audit = Assert.Single((await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { Action = AuditActions.DomainAdd }, None)).Ok().Events);
        Assert.Equal((AuditResourceTypes.Domain, domain.Id), (audit.ResourceType, audit.ResourceId));
    }

    [Fact]
    public async Task Adding_a_domain_twice_is_a_conflict_whatever_its_spelling()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var add = directory.Get<AddDomain>();
        (await add.ExecuteAsync(directory.Admin, "bücher.example", None)).Ok();

        var error = (await add.ExecuteAsync(directory.Admin, "XN--BCHER-KVA.example", None)).Failed();

        Assert.Equal(AdminErrorKind.Conflict, error.Kind);
        Assert.Contains("xn--bcher-kva.example", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_something_that_is_not_a_domain_is_a_validation_error()
    {
        await using var directory = await TestDirectory.CreateAsync();

        var error = (await directory.Get<AddDomain>().ExecuteAsync(directory.Admin, "not a domain", None)).Failed();

        Assert.Equal(AdminErrorKind.Validation, error.Kind);
        Assert.Empty(await directory.Get<ListDomains>().ExecuteAsync(directory.Caller.TenantId, None));
    }

    [Fact]
    public async Task Verify_succeeds_when_the_TXT_record_holds_the_token()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var domain = (await directory.Get<AddDomain>().ExecuteAsync(directory.Admin, "acme.test", None)).Ok();
        await using var dns = await DnsmasqServer.StartAsync(
            (domain.RecordName, "v=spf1 -all"), (domain.RecordName, domain.RecordValue));
        directory.Advance(TimeSpan.FromMinutes(5));

        var result = (await Verifier(directory, dns).ExecuteAsync(directory.Admin, domain.Id, None)).Ok();

        Assert.True(result.Found);
        Assert.True(result.Domain.Verified);
        Assert.Equal(TestDirectory.Start.AddMinutes(5), result.Domain.VerifiedAt);
        Assert.Equal(TestDirectory.Start.AddMinutes(5), result.Domain.LastCheckedAt);
        Assert.Contains(domain.RecordValue, result.Records);
        Assert.True(Assert.Single(await directory.Get<ListDomains>().ExecuteAsync(directory.Caller.TenantId, None)).Verified);
        var audit = Assert.Single((await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { Action = AuditActions.DomainVerify }, None)).Ok().Events);
        Assert.Equal(true, (bool?)audit.Changes["verified"]!["after"]);
    }

    [Fact]
    public async Task Verify_with_a_wrong_TXT_record_says_what_was_expected_and_what_was_found()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var domain = (await directory.Get<AddDomain>().ExecuteAsync(directory.Admin, "acme.test", None)).Ok();
        await using var dns = await DnsmasqServer.StartAsync((domain.RecordName, "roster-domain-verification=stale"));

        var result = (await Verifier(directory, dns).ExecuteAsync(directory.Admin, domain.Id, None)).Ok();

        Assert.False(result.Found);
        Assert.False(result.Domain.Verified);
        Assert.Equal(TestDirectory.Start, result.Domain.LastCheckedAt);
        Assert.Equal(["roster-domain-verification=stale"], result.Records);
        Assert.Contains($"'{domain.RecordValue}'", result.Detail, StringComparison.Ordinal);
        Assert.Contains($"'{domain.RecordName}'", result.Detail, StringComparison.Ordinal);
        Assert.Contains("found: 'roster-domain-verification=stale'", result.Detail, StringComparison.Ordinal);
        Assert.False(Assert.Single(await directory.Get<ListDomains>().ExecuteAsync(directory.Caller.TenantId, None)).Verified);
    }

    [Fact]
    public async Task Verify_without_any_TXT_record_says_none_was_found()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var domain = (await directory.Get<AddDomain>().ExecuteAsync(directory.Admin, "acme.test", None)).Ok();

        // The record is published at the apex instead of the challenge name: it does not count.
        await using var dns = await DnsmasqServer.StartAsync(("acme.test", domain.RecordValue));

        var result = (await Verifier(directory, dns).ExecuteAsync(directory.Admin, domain.Id, None)).Ok();

        Assert.False(result.Found);
        Assert.Empty(result.Records);
        Assert.Contains("no TXT record was found", result.Detail, StringComparison.Ordinal);
        Assert.Contains(domain.RecordValue, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_later_failed_check_keeps_a_verified_domain_verified()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var domain = (await directory.Get<AddDomain>().ExecuteAsync(directory.Admin, "acme.test", None)).Ok();
        await using (var dns = await DnsmasqServer.StartAsync((domain.RecordName, domain.RecordValue)))
        {
            (await Verifier(directory, dns).ExecuteAsync(directory.Admin, domain.Id, None)).Ok();
        }

        directory.Advance(TimeSpan.FromDays(1));
        await using var empty = await DnsmasqServer.StartAsync();
        var again = (await Verifier(directory, empty).ExecuteAsync(directory.Admin, domain.Id, None)).Ok();

        Assert.False(again.Found);
        Assert.Equal(TestDirectory.Start, again.Domain.VerifiedAt);
        Assert.Equal(TestDirectory.Start.AddDays(1), again.Domain.LastCheckedAt);
    }

    [Fact]
    public async Task Verify_and_remove_of_an_unknown_or_other_tenants_domain_are_not_found()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var other = await directory.NewTenantAsync("Tenant B");
        var domain = (await directory.Get<AddDomain>().ExecuteAsync(directory.Admin, "acme.test", None)).Ok();
        var otherAdmin = new AdminActor(other.TenantId, null, null, "console", PermissionSet.Unbounded);
        await using var dns = await DnsmasqServer.StartAsync((domain.RecordName, domain.RecordValue));

        Assert.Equal(AdminErrorKind.NotFound, (await Verifier(directory, dns).ExecuteAsync(otherAdmin, domain.Id, None)).Failed().Kind);
        Assert.Equal(AdminErrorKind.NotFound, (await directory.Get<RemoveDomain>().ExecuteAsync(otherAdmin, domain.Id, None)).Failed().Kind);
        Assert.Empty(await directory.Get<ListDomains>().ExecuteAsync(other.TenantId, None));
        Assert.Single(await directory.Get<ListDomains>().ExecuteAsync(directory.Caller.TenantId, None));
    }

    [Fact]
    public async Task Remove_deletes_the_domain_and_audits_it()
    {
        await using var directory = await TestDirectory.CreateAsync();
        var domain = (await directory.Get<AddDomain>().ExecuteAsync(directory.Admin, "acme.test", None)).Ok();

        (await directory.Get<RemoveDomain>().ExecuteAsync(directory.Admin, domain.Id, None)).Ok();

        Assert.Empty(await directory.Get<ListDomains>().ExecuteAsync(directory.Caller.TenantId, None));
        var audit = Assert.Single((await directory.Get<ListAuditEvents>().ExecuteAsync(directory.Caller.TenantId, new AuditQuery { Action = AuditActions.DomainRemove }, None)).Ok().Events);
        Assert.Equal(domain.Id, audit.ResourceId);
    }

    /// <summary>VerifyDomain asking the test's DNS server.</summary>
    internal static VerifyDomain Verifier(TestDirectory directory, DnsmasqServer dns) => new(directory.Database, dns.Resolver, directory.Time);

    /// <summary>Adds <paramref name="name"/> to the admin's tenant and verifies it through a real DNS server.</summary>
    internal static async Task<VerifiedDomain> AddVerifiedAsync(TestDirectory directory, AdminActor admin, string name)
    {
        var domain = (await directory.Get<AddDomain>().ExecuteAsync(admin, name, None)).Ok();
        await using var dns = await DnsmasqServer.StartAsync((domain.RecordName, domain.RecordValue));
        var result = (await Verifier(directory, dns).ExecuteAsync(admin, domain.Id, None)).Ok();
        Assert.True(result.Found, result.Detail);
        return result.Domain;
    }
}
