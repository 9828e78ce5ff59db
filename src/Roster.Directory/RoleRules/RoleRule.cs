namespace Roster.Directory.RoleRules;

/// <summary>
/// A tenant's rule that gives a role: to the members of an IdP group (directly or through nested
/// groups), or for a <c>roles</c> value the IdP sends. Where a person gets several roles from
/// rules, the rule with the lowest <see cref="Priority"/> names their primary role.
/// </summary>
/// <param name="Id">The rule's id.</param>
/// <param name="Match">What the rule looks at.</param>
/// <param name="Value">The group id, externalId or displayName, or the <c>roles</c> value.</param>
/// <param name="RoleId">The role given.</param>
/// <param name="Priority">Lower first; decides the primary role among rule-given roles.</param>
/// <param name="Created">When the rule was made.</param>
/// <param name="LastModified">When it last changed.</param>
public sealed record RoleRule(Guid Id, RuleMatch Match, string Value, Guid RoleId, int Priority, DateTimeOffset Created, DateTimeOffset LastModified)
{
    public bool IsGroupRule => RuleMatches.IsGroup(Match);

    /// <summary>Whether this value rule maps <paramref name="value"/> (compared ignoring case).</summary>
    public bool MapsValue(string value) => Match == RuleMatch.RoleValue && string.Equals(RoleRuleSql.MatchKey(Match, Value), RoleRuleSql.MatchKey(Match, value), StringComparison.Ordinal);
}
