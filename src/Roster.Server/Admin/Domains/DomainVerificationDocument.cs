using Roster.Directory.Domains;

namespace Roster.Server.Admin.Domains;

/// <summary>The answer of <c>POST /domains/{id}/verify</c>: the domain after the check, whether this check found the record, what it found, and a sentence saying so.</summary>
public sealed record DomainVerificationDocument(DomainDocument Domain, bool Found, IReadOnlyList<string> RecordsFound, string Detail)
{
    public static DomainVerificationDocument From(DomainVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return new(DomainDocument.From(verification.Domain), verification.Found, verification.Records, verification.Detail);
    }
}
