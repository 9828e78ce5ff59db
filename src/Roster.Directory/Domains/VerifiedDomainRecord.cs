namespace Roster.Directory.Domains;

/// <summary>A row of <c>verified_domains</c>; <see cref="Domain"/> is unique per tenant.</summary>
public sealed class VerifiedDomainRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public required string Domain { get; set; }

    public required string VerificationToken { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }
}
