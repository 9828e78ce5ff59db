namespace Roster.Directory.Roles;

/// <summary>A tenant's role as the admin use cases return it.</summary>
public sealed record Role(Guid Id, string Name, bool Active, IReadOnlyList<Permission> Permissions, DateTimeOffset Created, DateTimeOffset LastModified);
