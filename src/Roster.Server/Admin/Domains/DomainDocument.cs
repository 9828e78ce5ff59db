using Roster.Directory.Domains;

namespace Roster.Server.Admin.Domains;

/// <summary>
/// A domain as the admin API returns it: the TXT record to publish (<c>recordName</c>,
/// <c>recordValue</c>) and the verification state (<c>verified</c>, <c>verifiedAt</c>, <c>lastCheckedAt</c>).
/// </summary>
public sealed record DomainDocument(
    Guid Id,
    string Domain,
    bool Verified,
    string RecordType,
    string RecordName,
    string RecordValue,
    DateTimeOffset Created,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? LastCheckedAt)
{
    public static DomainDocument From(VerifiedDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        return new(domain.Id, domain.Domain, domain.Verified, "TXT", domain.RecordName, domain.RecordValue, domain.Created, domain.VerifiedAt, domain.LastCheckedAt);
    }
}
