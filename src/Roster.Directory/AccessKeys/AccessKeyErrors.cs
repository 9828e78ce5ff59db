using Roster.Directory.Administration;

namespace Roster.Directory.AccessKeys;

/// <summary>Why an access key request is refused, in words an administrator can act on.</summary>
internal static class AccessKeyErrors
{
    public static AdminError OwnerNotFound(Guid id) => AdminError.NotFound($"There is no employee {id} in this organization.");

    public static AdminError OwnerDeactivated(Guid id) =>
        AdminError.Validation($"Employee {id} is deactivated; its access keys would not work. Reactivate the profile first.");

    public static AdminError RoleDoesNotAllow(string? role) =>
        AdminError.Validation(
            $"The profile's role{(role is null ? "" : $" '{role}'")} does not allow access keys: give it a role with the " +
            "'employees.edit' permission (create and edit employees), which a SCIM client needs to provision users.");

    public static AdminError NotFound(Guid id) => AdminError.NotFound($"There is no access key {id} in this organization.");
}
