using Roster.Directory.Roles;

namespace Roster.Server.Admin.Roles;

/// <summary>One permission of the catalogue; <see cref="Implies"/> is granted along with it.</summary>
public sealed record PermissionDocument(string Key, string Description, string? Implies)
{
    public static PermissionDocument From(Permission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return new(permission.Key, permission.Description, permission.Implies?.Key);
    }
}
