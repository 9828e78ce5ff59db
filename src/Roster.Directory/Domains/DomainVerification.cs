namespace Roster.Directory.Domains;

/// <summary>The outcome of a DNS check: the domain as saved after it, whether this check found the expected record, and what it found.</summary>
/// <param name="Domain">The domain after the check.</param>
/// <param name="Found">Whether this check found the expected TXT record.</param>
/// <param name="Records">The TXT records found at <see cref="VerifiedDomain.RecordName"/>.</param>
/// <param name="Detail">What was expected and what was found, for the administrator.</param>
public sealed record DomainVerification(VerifiedDomain Domain, bool Found, IReadOnlyList<string> Records, string Detail);
