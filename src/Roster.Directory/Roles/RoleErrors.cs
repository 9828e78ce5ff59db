using Roster.Directory.Administration;

namespace Roster.Directory.Roles;

/// <summary>The role use cases' errors.</summary>
internal static class RoleErrors
{
    public static AdminError NotFound(Guid id) => AdminError.NotFound($"There is no role {id} in this organization.");

    public static AdminError NameTaken(string name) =>
        AdminError.Conflict($"A role named '{name}' already exists in this organization (role names are case-sensitive). Pick another name.") with { Field = RoleName.Field };
}
