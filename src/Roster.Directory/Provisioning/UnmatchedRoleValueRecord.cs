namespace Roster.Directory.Provisioning;

/// <summary>
/// A row of <c>unmatched_role_values</c>: a <c>roles</c> value an IdP sent that named no role and
/// that the tenant's policy let through (<see cref="UnknownRolePolicy.Ignore"/> or
/// <see cref="UnknownRolePolicy.DefaultRole"/>), counted for the provisioning activity page so an
/// administrator can add the role or a value rule.
/// </summary>
public sealed class UnmatchedRoleValueRecord
{
    public Guid TenantId { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    public long Count { get; set; }

    /// <summary>The last person it was sent for.</summary>
    public Guid? LastUserId { get; set; }
}
