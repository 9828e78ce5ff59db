using Microsoft.Extensions.Localization;
using Roster.Directory.RoleGrants;
using Roster.Directory.RoleRules;

namespace Roster.Server.Console.Pages.Employees;

/// <summary>
/// A reason for a role, as the employee page says it, in the person's language (the parameter is
/// named <c>T</c> because the untranslated-text test reads the sentences given to <c>T</c>).
/// </summary>
public static class GrantReasonText
{
    public static string Of(IStringLocalizer T, GrantReason reason)
    {
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(reason);
        return reason.Source switch
        {
            RoleGrantSource.Sent => T["In their roles: sent by the identity provider, or set here while SCIM was off."].Value,
            RoleGrantSource.Alias => T["The identity provider sends the roles value \"{0}\", which a role rule maps to this role.", reason.Value ?? ""].Value,
            RoleGrantSource.Group => reason.GroupPath.Count == 0
                ? T["Member of a group that a role rule names ({0}).", Describe(T, reason.Rule)].Value
                : T["Member of {0}, which a role rule names ({1}).", string.Join(" › ", reason.GroupPath.Select(g => g.DisplayName)), Describe(T, reason.Rule)].Value,
            RoleGrantSource.Default => T["The SCIM default role: the identity provider sent no role."].Value,
            RoleGrantSource.Required => T["The SCIM required role, which every provisioned person holds."].Value,
            RoleGrantSource.Fallback => T["The identity provider sent the roles value \"{0}\", which names no role; the SCIM settings give the default role for it.", reason.Value ?? ""].Value,
            RoleGrantSource.Manual => T["Granted by hand."].Value,
            _ => reason.Source.ToString(),
        };
    }

    private static string Describe(IStringLocalizer T, RoleRule? rule) => rule is null ? T["a rule"].Value
        : rule.Match switch
        {
            RuleMatch.GroupDisplayName => T["display name \"{0}\"", rule.Value].Value,
            RuleMatch.GroupExternalId => T["externalId \"{0}\"", rule.Value].Value,
            _ => T["id {0}", rule.Value].Value,
        };
}
