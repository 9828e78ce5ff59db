using Roster.Directory.Roles;

namespace Roster.Server.Admin.Roles;

/// <summary>A role as the admin API returns it; permissions are the catalogue's keys.</summary>
public sealed record RoleDocument(Guid Id, string Name, bool Active, IReadOnlyList<string> Permissions, DateTimeOffset Created, DateTimeOffset LastModified)
{
    public static RoleDocument From(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new(role.Id, role.Name, role.Active, [.. role.Permissions.Select(p => p.Key)], role.Created, role.LastModified);
    }
}
