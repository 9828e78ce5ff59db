using Roster.Directory.RoleRules;

namespace Roster.Server.Admin.RoleRules;

/// <summary>A role rule as the admin API shows it.</summary>
public sealed record RoleRuleDocument(Guid Id, string Match, string Value, Guid RoleId, int Priority, DateTimeOffset Created, DateTimeOffset LastModified)
{
    public static RoleRuleDocument From(RoleRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(rule.Id, RuleMatches.ToText(rule.Match), rule.Value, rule.RoleId, rule.Priority, rule.Created, rule.LastModified);
    }
}
