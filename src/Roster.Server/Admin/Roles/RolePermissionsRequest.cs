namespace Roster.Server.Admin.Roles;

/// <summary>The body of <c>PUT /roles/{id}/permissions</c>: the complete new set of permission keys.</summary>
public sealed record RolePermissionsRequest(IReadOnlyList<string>? Permissions);
