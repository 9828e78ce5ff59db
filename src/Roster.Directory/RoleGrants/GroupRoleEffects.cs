using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Groups;
using Roster.Directory.Resources;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Scim.Errors;

namespace Roster.Directory.RoleGrants;

/// <summary>
/// What a write of a group does to role grants, in the write's transaction: the rules its member
/// changes touch (<see cref="GroupRuleGrants.AfterMembershipAsync"/>), and the rules a new,
/// renamed or deleted group starts or stops matching. Every role gained or lost must be within the
/// caller's permissions (<see cref="PrivilegeRules.Grant"/>): a credential cannot hand out, or take
/// away, a role it could not give. Each role that moved gets a <c>role.grants.change</c> event.
/// </summary>
internal static class GroupRoleEffects
{
    /// <param name="session">The write's session.</param>
    /// <param name="caller">Who writes, for the privilege check and the audit log.</param>
    /// <param name="groupId">The group written.</param>
    /// <param name="diff">Its member changes, if any.</param>
    /// <param name="identity">How the group's identity changed (created, renamed, deleted); null when it did not.</param>
    /// <param name="now">The write's time.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <param name="rulesAbove">The group rules that reach the group, when the write read them already in its transaction.</param>
    public static async Task<ScimError?> ApplyAsync(
        SqlSession session, ScimCaller caller, Guid groupId, MembershipDiff? diff, GroupIdentityChange? identity, DateTimeOffset now, CancellationToken cancellationToken,
        List<RoleRule>? rulesAbove = null)
    {
        var changes = new GrantChanges();
        if (identity is not null && identity.Before != identity.After)
        {
            var identities = new[] { identity.Before, identity.After }.OfType<GroupIdentity>();
            var rules = (await RoleRuleSql.ReadGroupRulesNamingAsync(session, groupId, identities, cancellationToken)).Concat(identity.RulesAbove).DistinctBy(r => r.Id);
            changes.Merge(await GroupRuleGrants.RecomputeAsync(session, rules, cancellationToken));
        }

        // A deleted group's members went with it; the rules above it were recomputed whole.
        if (diff is not null && (identity is null || identity.After is not null))
        {
            changes.Merge(await GroupRuleGrants.AfterMembershipAsync(session, groupId, diff, cancellationToken, rulesAbove));
        }

        if (changes.IsEmpty)
        {
            return null;
        }

        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        foreach (var change in changes.Roles)
        {
            var role = roles.First(r => r.Id == change.RoleId);
            if (PrivilegeRules.Grant(caller.Permissions, role, PrivilegeRules.Credentials) is { } refused)
            {
                return ScimError.Forbidden($"This change would {(change.GainedCount > 0 ? "give" : "take")} the role '{role.Name}' through a role rule. {refused}");
            }

            var entry = AuditEntry.For(caller, AuditActions.RoleGrantsChange, AuditResourceTypes.Role, role.Id, GrantAudit.ToJson(change, "group", groupId)) with { Grants = change };
            await AuditTrail.AppendAsync(session, entry, now, cancellationToken);
        }

        return null;
    }
}
