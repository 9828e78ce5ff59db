namespace Roster.Server.Admin.RoleRules;

/// <summary>
/// The body of <c>POST /role-rules/preview</c>: a rule as it would be saved (<see cref="RuleId"/>
/// left out for a new rule), or <see cref="Delete"/> with <see cref="RuleId"/> to preview removing one.
/// </summary>
public sealed record RulePreviewRequest(Guid? RuleId, bool? Delete, string? Match, string? Value, Guid? RoleId, int? Priority);
