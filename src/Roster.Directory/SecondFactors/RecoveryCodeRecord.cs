namespace Roster.Directory.SecondFactors;

/// <summary>A recovery code (<c>recovery_codes</c>): used once in place of a code from the app; only its SHA-256 is stored.</summary>
public sealed class RecoveryCodeRecord
{
    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public Guid Id { get; set; }

    public required byte[] Hash { get; set; }

    public DateTimeOffset? Used { get; set; }
}
