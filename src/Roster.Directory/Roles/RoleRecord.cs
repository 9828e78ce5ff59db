namespace Roster.Directory.Roles;

/// <summary>
/// A row of <c>roles</c>. <see cref="Name"/> is unique per tenant and case-sensitive ("Agent" and
/// "agent" are two roles), as in CXone; SCIM <c>roles[].value</c> must name a role exactly.
/// </summary>
public sealed class RoleRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    public required string Name { get; set; }

    public bool Active { get; set; }

    /// <summary>The granted permission keys, separated by spaces, in catalogue order.</summary>
    public required string Permissions { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }
}
