using Roster.Directory.RoleRules;

namespace Roster.Directory.RoleGrants;

/// <summary>Every role a person holds and why: the answer to "why does this person hold this role?".</summary>
/// <param name="EmployeeId">The person.</param>
/// <param name="Roles">Each role held, the primary one first.</param>
public sealed record RoleExplanation(Guid EmployeeId, IReadOnlyList<HeldRole> Roles);

/// <summary>One role a person holds.</summary>
/// <param name="RoleId">The role.</param>
/// <param name="Name">Its name.</param>
/// <param name="Active">False for a deactivated role, which grants nothing while deactivated.</param>
/// <param name="Primary">True for the person's primary role.</param>
/// <param name="Sources">Every reason the person holds it.</param>
public sealed record HeldRole(Guid RoleId, string Name, bool Active, bool Primary, IReadOnlyList<GrantReason> Sources);

/// <summary>One reason a person holds a role.</summary>
/// <param name="Source">Where the role comes from.</param>
/// <param name="Value">The <c>roles</c> value behind it, for sent, alias and fallback grants.</param>
/// <param name="Rule">The rule behind an alias or group grant.</param>
/// <param name="GroupPath">For a group grant: the groups from the person's own group up to the one the rule names (nesting).</param>
public sealed record GrantReason(RoleGrantSource Source, string? Value, RoleRule? Rule, IReadOnlyList<GroupStep> GroupPath);

/// <summary>A group on a <see cref="GrantReason.GroupPath"/>.</summary>
public sealed record GroupStep(Guid Id, string DisplayName);
