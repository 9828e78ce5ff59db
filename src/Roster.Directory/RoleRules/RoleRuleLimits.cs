namespace Roster.Directory.RoleRules;

/// <summary>The bounds of role rules, advertised in docs/api.md.</summary>
public static class RoleRuleLimits
{
    /// <summary>The longest group id, externalId, displayName or roles value a rule or a recorded value keeps.</summary>
    public const int MaxValueLength = 256;

    /// <summary>Rules per tenant: every membership change consults them.</summary>
    public const int MaxRulesPerTenant = 500;

    /// <summary>Distinct unmatched <c>roles</c> values kept per tenant; beyond it new ones are counted in the audit log only.</summary>
    public const int MaxUnmatchedValues = 1000;
}
