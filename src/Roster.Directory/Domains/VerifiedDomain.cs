namespace Roster.Directory.Domains;

/// <summary>
/// An email domain a tenant claims. It counts for the verified-domains policy once
/// <see cref="VerifiedAt"/> is set, that is once a TXT record
/// <see cref="RecordName"/> = <see cref="RecordValue"/> has been seen in DNS.
/// </summary>
/// <param name="Id">The domain's id in the tenant.</param>
/// <param name="Domain">Lower-case ASCII host name (IDN labels in punycode).</param>
/// <param name="VerificationToken">The random token of the TXT record value.</param>
/// <param name="Created">When the domain was added.</param>
/// <param name="VerifiedAt">When a check first found the expected TXT record; null until then.</param>
/// <param name="LastCheckedAt">When the TXT records were last looked up; null until the first check.</param>
public sealed record VerifiedDomain(
    Guid Id,
    string Domain,
    string VerificationToken,
    DateTimeOffset Created,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? LastCheckedAt)
{
    /// <summary>The prefix of the TXT record value, before the token.</summary>
    public const string RecordValuePrefix = "roster-domain-verification=";

    /// <summary>
    /// The label under the domain where the TXT record is published. A dedicated name rather than
    /// the apex keeps the record apart from SPF and other apex TXT records and lets a DNS team
    /// delegate it without touching the zone's root.
    /// </summary>
    public const string RecordLabel = "_roster-challenge";

    public bool Verified => VerifiedAt is not null;

    /// <summary>The name of the TXT record to publish.</summary>
    public string RecordName => $"{RecordLabel}.{Domain}";

    /// <summary>The value of the TXT record to publish.</summary>
    public string RecordValue => RecordValuePrefix + VerificationToken;
}
