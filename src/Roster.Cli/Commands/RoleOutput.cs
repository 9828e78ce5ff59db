using Roster.Directory.Roles;

namespace Roster.Cli.Commands;

/// <summary>A role as commands print it.</summary>
public static class RoleOutput
{
    public static object ToJson(Role role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new
        {
            id = role.Id,
            name = role.Name,
            active = role.Active,
            permissions = role.Permissions.Select(p => p.Key).ToArray(),
            created = role.Created,
            lastModified = role.LastModified,
        };
    }

    public static void Print(Role role, bool json)
    {
        ArgumentNullException.ThrowIfNull(role);
        if (json)
        {
            Output.Json(ToJson(role));
            return;
        }

        Console.WriteLine($"{role.Id}  {role.Name}  {(role.Active ? "active" : "deactivated")}  {string.Join(' ', role.Permissions.Select(p => p.Key))}");
    }
}
