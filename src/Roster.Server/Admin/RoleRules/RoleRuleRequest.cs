namespace Roster.Server.Admin.RoleRules;

/// <summary>
/// The body of <c>POST /role-rules</c> and <c>PUT /role-rules/{id}</c>: what the rule looks at
/// (<c>group.displayName</c>, <c>group.externalId</c>, <c>group.id</c> or <c>roles.value</c>), the
/// value, the role given and the priority (lower first; 100 when left out).
/// </summary>
public sealed record RoleRuleRequest(string? Match, string? Value, Guid? RoleId, int? Priority);
