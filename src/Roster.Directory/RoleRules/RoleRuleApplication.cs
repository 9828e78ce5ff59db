using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Filtering;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;

namespace Roster.Directory.RoleRules;

/// <summary>
/// What saving, changing or deleting a role rule does, in one transaction: check the draft,
/// check the privilege model (the actor must hold every permission of the role given, and of the
/// role a change takes away), store the rule, and bring the grants in line set-based
/// (<see cref="GroupRuleGrants"/>, <see cref="ValueRuleGrants"/>). The preview runs exactly this
/// and rolls back, so what it shows is what saving does.
/// </summary>
internal static class RoleRuleApplication
{
    /// <summary>The rule a draft describes, checked against the tenant's roles; <paramref name="existing"/> keeps its id and creation time.</summary>
    public static AdminResult<RoleRule> Check(RoleRuleDraft draft, IReadOnlyList<Role> roles, RoleRule? existing, DateTimeOffset now)
    {
        if (RuleMatches.Parse(draft.Match) is not { } match)
        {
            return RoleRuleErrors.UnknownMatch(draft.Match);
        }

        var value = draft.Value?.Trim() ?? "";
        if (value.Length is 0 or > RoleRuleLimits.MaxValueLength)
        {
            return RoleRuleErrors.ValueRequired();
        }

        if (match == RuleMatch.GroupId && !Guid.TryParse(value, out _))
        {
            return RoleRuleErrors.NotAGroupId(value);
        }

        if (draft.Priority is < 0 or > RoleRuleDraft.MaxPriority)
        {
            return RoleRuleErrors.BadPriority();
        }

        var role = roles.FirstOrDefault(r => r.Id == draft.RoleId);
        if (role is null)
        {
            return RoleRuleErrors.UnknownRole(draft.RoleId);
        }

        if (!role.Active)
        {
            return RoleRuleErrors.InactiveRole(role.Name);
        }

        var stored = match == RuleMatch.GroupId ? Guid.Parse(value).ToString("D") : value;
        return new RoleRule(existing?.Id ?? Guid.CreateVersion7(now), match, stored, role.Id, draft.Priority, existing?.Created ?? now, now);
    }

    /// <summary>Stores the change (<paramref name="before"/> null: a new rule; <paramref name="after"/> null: a deletion) and moves the grants.</summary>
    public static async Task<AdminResult<GrantChanges>> ApplyAsync(
        SqlSession session, FilterSqlTranslator translator, AdminActor actor, RoleRule? before, RoleRule? after, IReadOnlyList<Role> roles, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        foreach (var rule in new[] { before, after }.OfType<RoleRule>())
        {
            var role = roles.FirstOrDefault(r => r.Id == rule.RoleId);
            if (role is not null && PrivilegeRules.Grant(actor.Permissions, role, PrivilegeRules.Yours) is { } refused)
            {
                return AdminError.Forbidden(refused);
            }
        }

        // A rule by id names a group of this organization, found when the rule is written (a group
        // deleted later leaves the rule matching nothing); another organization's group ids are
        // answered as ids that exist nowhere.
        if (after is { Match: RuleMatch.GroupId } && (before?.Match != after.Match || before.Value != after.Value)
            && !await RoleRuleSql.GroupExistsAsync(session, Guid.Parse(after.Value), cancellationToken))
        {
            return RoleRuleErrors.UnknownGroup(after.Value);
        }

        if (before is null && after is not null)
        {
            if (await RoleRuleSql.CountAsync(session, cancellationToken) >= RoleRuleLimits.MaxRulesPerTenant)
            {
                return RoleRuleErrors.TooMany();
            }

            await RoleRuleSql.InsertAsync(session, after, cancellationToken);
        }
        else if (after is not null)
        {
            await RoleRuleSql.UpdateAsync(session, after, cancellationToken);
        }

        var changes = new GrantChanges();
        var isValueRule = (after ?? before)!.Match == RuleMatch.RoleValue || before?.Match == RuleMatch.RoleValue;
        if (before?.IsGroupRule == true && after is null)
        {
            changes.Merge(await GroupRuleGrants.RemoveAsync(session, before, cancellationToken));
        }

        if (after?.IsGroupRule == true)
        {
            // A group rule that was a value rule before, or the reverse, loses the grants of its old kind first.
            if (before is { IsGroupRule: false })
            {
                changes.Merge(await ValueRuleGrants.RecomputeAsync(session, translator, before, null, now, cancellationToken));
            }

            changes.Merge(await GroupRuleGrants.RecomputeAsync(session, [after], cancellationToken));
        }
        else if (isValueRule)
        {
            if (before is { IsGroupRule: true } && after is not null)
            {
                changes.Merge(await GroupRuleGrants.RemoveAsync(session, before, cancellationToken));
            }

            changes.Merge(await ValueRuleGrants.RecomputeAsync(session, translator, before, after, now, cancellationToken));
        }

        if (before is not null && after is null)
        {
            await RoleRuleSql.DeleteAsync(session, before.Id, cancellationToken);
        }

        return changes;
    }

    /// <summary>The rule's own event and one <c>role.grants.change</c> event per role that moved.</summary>
    public static async Task AuditAsync(SqlSession session, AdminActor actor, string action, RoleRule? before, RoleRule? after, GrantChanges changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = (after ?? before)!.Id;
        var diff = AuditChanges.Diff(before is null ? null : RoleRuleSql.ToAuditJson(before), after is null ? null : RoleRuleSql.ToAuditJson(after));
        await AuditTrail.AppendAsync(session, AuditEntry.For(actor, action, AuditResourceTypes.RoleRule, id, diff), now, cancellationToken);
        foreach (var change in changes.Roles)
        {
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.RoleGrantsChange, AuditResourceTypes.Role, change.RoleId, GrantAudit.ToJson(change, "roleRule", id)) with { Grants = change }, now, cancellationToken);
        }
    }
}
