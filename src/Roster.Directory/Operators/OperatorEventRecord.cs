namespace Roster.Directory.Operators;

/// <summary>
/// What the operator did across tenants (<c>operator_events</c>): tenants created, renamed and
/// deleted, setup links issued, operator keys made and revoked. A tenant's own audit log is
/// deleted with the tenant, so its deletion is recorded here; <see cref="TenantId"/> has no
/// foreign key for that reason.
/// </summary>
public sealed class OperatorEventRecord
{
    public Guid Id { get; set; }

    public DateTimeOffset Occurred { get; set; }

    /// <summary>"cli" or "operator key &lt;name&gt;".</summary>
    public required string Client { get; set; }

    /// <summary>The operator key used, if any.</summary>
    public Guid? KeyId { get; set; }

    public required string Action { get; set; }

    public Guid? TenantId { get; set; }

    /// <summary>The change as JSON (never a secret).</summary>
    public required string Changes { get; set; }
}
