namespace Roster.Directory.RoleGrants;

/// <summary>
/// A row of <c>role_grants</c>: a person's effective roles with where each comes from, kept exact
/// in the transaction of every change that moves them (a user write, a membership change, a group
/// rename or delete, a rule change), so that permissions are one indexed read and every role can
/// be explained.
/// </summary>
public sealed class RoleGrantRecord
{
    public Guid TenantId { get; set; }

    public Guid UserId { get; set; }

    public Guid RoleId { get; set; }

    /// <summary><see cref="RoleGrant.Key"/>: the source, and the rule for rule-given grants; part of the key.</summary>
    public required string GrantKey { get; set; }

    /// <summary><see cref="RoleGrantSources.ToText"/>.</summary>
    public required string Source { get; set; }

    public Guid? RuleId { get; set; }

    public string? Value { get; set; }
}
