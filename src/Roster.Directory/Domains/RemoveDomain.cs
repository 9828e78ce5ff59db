using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Domains;

/// <summary>
/// Removes a domain; audited as <c>domain.remove</c>. Users already provisioned with it stay as
/// they are; with enforcement on, their next SCIM update is refused until the domain is verified again.
/// </summary>
public sealed class RemoveDomain(DirectoryDatabase database, TimeProvider time)
{
    public Task<AdminResult<VerifiedDomain>> ExecuteAsync(AdminActor actor, Guid domainId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return database.AdminWriteAsync<VerifiedDomain>(actor.TenantId, async session =>
        {
            var domain = await VerifiedDomainSql.ReadAsync(session, domainId, cancellationToken);
            if (domain is null)
            {
                return DomainErrors.NotFound(domainId);
            }

            await VerifiedDomainSql.DeleteAsync(session, domainId, cancellationToken);
            var entry = AuditEntry.For(actor, AuditActions.DomainRemove, AuditResourceTypes.Domain, domain.Id, AuditChanges.Diff(VerifiedDomainSql.ToAuditJson(domain), null));
            await AuditTrail.AppendAsync(session, entry, ScimDateTime.Truncate(time.GetUtcNow()), cancellationToken);
            return domain;
        }, cancellationToken);
    }
}
