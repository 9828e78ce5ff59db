namespace Roster.Server.Admin.Roles;

/// <summary>The body of <c>POST /roles</c>.</summary>
public sealed record CreateRoleRequest(string? Name, IReadOnlyList<string>? Permissions);
