using Roster.Directory.RoleGrants;
using Roster.Server.Admin.RoleRules;

namespace Roster.Server.Admin.Employees;

/// <summary>
/// <c>GET /employees/{id}/roles</c>: each role the person holds, primary first, with every reason.
/// A reason's <c>source</c> is <c>sent</c>, <c>alias</c>, <c>group</c>, <c>default</c>,
/// <c>required</c>, <c>fallback</c> or <c>manual</c>.
/// </summary>
public sealed record RoleExplanationDocument(Guid EmployeeId, IReadOnlyList<HeldRoleDocument> Roles)
{
    public static RoleExplanationDocument From(RoleExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return new(explanation.EmployeeId, [.. explanation.Roles.Select(r => new HeldRoleDocument(
            r.RoleId,
            r.Name,
            r.Active,
            r.Primary,
            [.. r.Sources.Select(s => new GrantReasonDocument(
                RoleGrantSources.ToText(s.Source),
                s.Value,
                s.Rule is null ? null : RoleRuleDocument.From(s.Rule),
                s.GroupPath))]))]);
    }
}

/// <summary>One role held, in <see cref="RoleExplanationDocument"/>.</summary>
public sealed record HeldRoleDocument(Guid RoleId, string Name, bool Active, bool Primary, IReadOnlyList<GrantReasonDocument> Sources);

/// <summary>One reason for a role, in <see cref="RoleExplanationDocument"/>.</summary>
public sealed record GrantReasonDocument(string Source, string? Value, RoleRuleDocument? Rule, IReadOnlyList<GroupStep> GroupPath);
