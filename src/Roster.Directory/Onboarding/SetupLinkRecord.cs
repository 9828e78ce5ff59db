namespace Roster.Directory.Onboarding;

/// <summary>
/// A setup link (<c>setup_links</c>): one use of the "create the first administrator" page of a
/// tenant, until <see cref="Expires"/>. Only the SHA-256 of the link's secret is stored.
/// </summary>
public sealed class SetupLinkRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public required byte[] Hash { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Expires { get; set; }

    /// <summary>When the link made the first administrator; null while unused.</summary>
    public DateTimeOffset? Used { get; set; }

    /// <summary>Who issued it: "cli", "operator-api".</summary>
    public required string IssuedBy { get; set; }
}
