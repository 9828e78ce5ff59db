using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Domains;

/// <summary>
/// Looks up the TXT records of <c>_roster-challenge.&lt;domain&gt;</c> and marks the domain verified
/// when one equals <c>roster-domain-verification=&lt;token&gt;</c> exactly. The look-up runs
/// outside the database transaction (it can take seconds); the result is then saved with
/// <c>last_checked_at</c> and audited as <c>domain.verify</c>. A failed check of a domain verified
/// earlier keeps it verified: the proof was given, and removing the record after verification
/// is common practice; an administrator removes the domain to withdraw it.
/// </summary>
public sealed class VerifyDomain(DirectoryDatabase database, IDnsTxtResolver resolver, TimeProvider time)
{
    public async Task<AdminResult<DomainVerification>> ExecuteAsync(AdminActor actor, Guid domainId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        VerifiedDomain? domain;
        await using (var read = await database.ReadAsync(actor.TenantId, cancellationToken))
        {
            domain = await VerifiedDomainSql.ReadAsync(read, domainId, cancellationToken);
        }

        if (domain is null)
        {
            return DomainErrors.NotFound(domainId);
        }

        var answer = await resolver.LookupAsync(domain.RecordName, cancellationToken);
        var found = answer.Failure is null && answer.Records.Any(r => string.Equals(r.Trim(), domain.RecordValue, StringComparison.Ordinal));
        var detail = Describe(domain, answer, found);
        var now = ScimDateTime.Truncate(time.GetUtcNow());
        return await database.AdminWriteAsync<DomainVerification>(actor.TenantId, async session =>
        {
            var current = await VerifiedDomainSql.ReadAsync(session, domainId, cancellationToken);
            if (current is null || current.VerificationToken != domain.VerificationToken)
            {
                return DomainErrors.NotFound(domainId);
            }

            var after = current with { LastCheckedAt = now, VerifiedAt = current.VerifiedAt ?? (found ? now : null) };
            await VerifiedDomainSql.UpdateCheckAsync(session, after, cancellationToken);
            var changes = AuditChanges.Diff(VerifiedDomainSql.ToAuditJson(current), VerifiedDomainSql.ToAuditJson(after));
            changes["check"] = found ? "found" : "not found";
            var entry = AuditEntry.For(actor, AuditActions.DomainVerify, AuditResourceTypes.Domain, after.Id, changes);
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            return new DomainVerification(after, found, answer.Records, detail);
        }, cancellationToken);
    }

    private static string Describe(VerifiedDomain domain, DnsTxtAnswer answer, bool found)
    {
        var expected = $"a TXT record at '{domain.RecordName}' with the value '{domain.RecordValue}'";
        if (found)
        {
            return $"Found {expected}; the domain '{domain.Domain}' is verified.";
        }

        var seen = answer.Failure is { } failure ? failure
            : answer.Records.Count == 0 ? "no TXT record was found there"
            : "found: " + string.Join(", ", answer.Records.Select(r => $"'{r}'"));
        return $"Expected {expected}, but {seen}. Publish the record at your DNS provider and check again (DNS changes can take a while to propagate).";
    }
}
