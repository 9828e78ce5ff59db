namespace Roster.Directory.RoleRules;

/// <summary>What saving a rule change would do: per role, who would gain it and who would lose it.</summary>
/// <param name="Roles">One entry per role that would move.</param>
public sealed record RulePreview(IReadOnlyList<RolePreview> Roles);

/// <summary>One role's part of a <see cref="RulePreview"/>.</summary>
/// <param name="RoleId">The role.</param>
/// <param name="RoleName">Its name.</param>
/// <param name="GainedCount">How many people would gain a grant of it.</param>
/// <param name="Gained">The first of them.</param>
/// <param name="LostCount">How many would lose one.</param>
/// <param name="Lost">The first of them.</param>
public sealed record RolePreview(Guid RoleId, string RoleName, int GainedCount, IReadOnlyList<PersonReference> Gained, int LostCount, IReadOnlyList<PersonReference> Lost);

/// <summary>A person as a preview names them.</summary>
public sealed record PersonReference(Guid Id, string UserName);
