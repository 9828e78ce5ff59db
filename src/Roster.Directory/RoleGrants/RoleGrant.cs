namespace Roster.Directory.RoleGrants;

/// <summary>
/// One reason a person holds a role (a row of <c>role_grants</c>). A person holds a role while at
/// least one grant names it; the role's permissions count while the role is active.
/// </summary>
/// <param name="RoleId">The role granted.</param>
/// <param name="Source">Why.</param>
/// <param name="RuleId">The value or group rule, for <see cref="RoleGrantSource.Alias"/> and <see cref="RoleGrantSource.Group"/>.</param>
/// <param name="Value">The <c>roles</c> value behind an alias or fallback grant (for a sent grant it is the role's name).</param>
public sealed record RoleGrant(Guid RoleId, RoleGrantSource Source, Guid? RuleId = null, string? Value = null)
{
    /// <summary>What tells two grants of one role apart: the source, and the rule for rule-given ones.</summary>
    public string Key => RoleGrantSources.ToText(Source) + (RuleId is { } rule ? ":" + rule.ToString("N") : "");
}
