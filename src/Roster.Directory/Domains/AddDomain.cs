using System.Data.Common;
using System.Security.Cryptography;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;

namespace Roster.Directory.Domains;

/// <summary>Adds an unverified domain with a new random verification token; audited as <c>domain.add</c>.</summary>
public sealed class AddDomain(DirectoryDatabase database, TimeProvider time)
{
    public async Task<AdminResult<VerifiedDomain>> ExecuteAsync(AdminActor actor, string domain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (DomainName.Normalize(domain) is not { } name)
        {
            return DomainErrors.Invalid(domain);
        }

        var now = ScimDateTime.Truncate(time.GetUtcNow());

        // 128 bits, lower-case hex: safe in a TXT record and easy to copy.
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var added = new VerifiedDomain(Guid.CreateVersion7(now), name, token, now, null, null);
        return await database.AdminWriteAsync<VerifiedDomain>(actor.TenantId, async session =>
        {
            try
            {
                await VerifiedDomainSql.InsertAsync(session, added, cancellationToken);
            }
            catch (DbException e) when (session.Dialect.IsUniqueViolation(e))
            {
                return DomainErrors.Taken(name);
            }

            var entry = AuditEntry.For(actor, AuditActions.DomainAdd, AuditResourceTypes.Domain, added.Id, AuditChanges.Diff(null, VerifiedDomainSql.ToAuditJson(added)));
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
            return added;
        }, cancellationToken);
    }
}
