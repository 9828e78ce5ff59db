namespace Roster.Directory.RoleRules;

/// <summary>A row of <c>role_rules</c> (<see cref="RoleRule"/>).</summary>
public sealed class RoleRuleRecord
{
    public Guid TenantId { get; set; }

    public Guid Id { get; set; }

    /// <summary><see cref="RuleMatches.ToText"/>.</summary>
    public required string Match { get; set; }

    /// <summary>As entered.</summary>
    public required string Value { get; set; }

    /// <summary>What is compared: the display name folded as SCIM folds it, else <see cref="Value"/>.</summary>
    public required string MatchKey { get; set; }

    public Guid RoleId { get; set; }

    public int Priority { get; set; }

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset LastModified { get; set; }
}
