using Roster.Directory.RoleGrants;
using Roster.Directory.RoleRules;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>A reason for a role, as the employee page says it.</summary>
public static class GrantReasonText
{
    public static string Of(GrantReason reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Source switch
        {
            RoleGrantSource.Sent => "In their roles: sent by the identity provider, or set here while SCIM was off.",
            RoleGrantSource.Alias => $"The identity provider sends the roles value \"{reason.Value}\", which a role rule maps to this role.",
            RoleGrantSource.Group => reason.GroupPath.Count == 0
                ? $"Member of a group that a role rule names ({Describe(reason.Rule)})."
                : $"Member of {string.Join(" › ", reason.GroupPath.Select(g => g.DisplayName))}, which a role rule names ({Describe(reason.Rule)}).",
            RoleGrantSource.Default => "The SCIM default role: the identity provider sent no role.",
            RoleGrantSource.Required => "The SCIM required role, which every provisioned person holds.",
            RoleGrantSource.Fallback => $"The identity provider sent the roles value \"{reason.Value}\", which names no role; the SCIM settings give the default role for it.",
            RoleGrantSource.Manual => "Granted by hand.",
            _ => reason.Source.ToString(),
        };
    }

    private static string Describe(RoleRule? rule) => rule is null ? "a rule"
        : rule.Match switch
        {
            RuleMatch.GroupDisplayName => $"display name \"{rule.Value}\"",
            RuleMatch.GroupExternalId => $"externalId \"{rule.Value}\"",
            _ => $"id {rule.Value}",
        };
}
