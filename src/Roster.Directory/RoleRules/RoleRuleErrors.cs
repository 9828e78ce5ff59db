using Roster.Directory.Administration;

namespace Roster.Directory.RoleRules;

/// <summary>Why a role rule request is refused, in words an administrator can act on.</summary>
internal static class RoleRuleErrors
{
    public static AdminError NotFound(Guid id) => AdminError.NotFound($"There is no role rule {id} in this organization.");

    public static AdminError UnknownMatch(string? match) =>
        AdminError.Validation($"'{match}' is not something a rule can look at; use one of {string.Join(", ", RuleMatches.All)}.");

    public static AdminError ValueRequired() =>
        AdminError.Validation($"Give the group's display name, externalId or id, or the roles value, in 1 to {RoleRuleLimits.MaxValueLength} characters.");

    public static AdminError NotAGroupId(string value) => AdminError.Validation($"\"{value}\" is not a group id (a GUID); to name a group by its name use group.displayName.");

    public static AdminError UnknownGroup(string id) =>
        AdminError.Validation($"There is no group {id} in this organization; to give a role to a group your identity provider has not pushed yet, name it by group.displayName or group.externalId.");

    public static AdminError UnknownRole(Guid id) => AdminError.Validation($"There is no role {id} in this organization.");

    public static AdminError InactiveRole(string name) => AdminError.Validation($"The role '{name}' is deactivated; activate it before a rule gives it.");

    public static AdminError BadPriority() => AdminError.Validation($"The priority is a whole number from 0 to {RoleRuleDraft.MaxPriority}; lower comes first.");

    public static AdminError TooMany() => AdminError.Conflict($"An organization has at most {RoleRuleLimits.MaxRulesPerTenant} role rules; remove one first.");
}
