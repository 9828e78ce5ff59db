namespace Roster.Directory.RoleRules;

/// <summary>A role rule as an administrator enters it.</summary>
/// <param name="Match">What the rule looks at (<see cref="RuleMatches"/>: <c>group.displayName</c>, <c>group.externalId</c>, <c>group.id</c>, <c>roles.value</c>).</param>
/// <param name="Value">The group's display name, externalId or id, or the <c>roles</c> value.</param>
/// <param name="RoleId">The role the rule gives.</param>
/// <param name="Priority">Lower first, 0 to 10,000; decides the primary role among rule-given roles.</param>
public sealed record RoleRuleDraft(string? Match, string? Value, Guid RoleId, int Priority = RoleRuleDraft.DefaultPriority)
{
    public const int DefaultPriority = 100;
    public const int MaxPriority = 10_000;
}
