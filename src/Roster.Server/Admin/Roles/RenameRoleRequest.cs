namespace Roster.Server.Admin.Roles;

/// <summary>The body of <c>PUT /roles/{id}/name</c>.</summary>
public sealed record RenameRoleRequest(string? Name);
