using Roster.Directory.Roles;

namespace Roster.Server.Console.Authentication;

/// <summary>
/// One authorization policy per permission of the catalogue, named <c>console:{key}</c>, for the
/// pages' <c>[Authorize(Policy = ...)]</c>. Each checks the same <see cref="Admin.Authentication.PermissionRequirement"/>
/// as the admin API.
/// </summary>
public static class ConsolePolicies
{
    public const string Prefix = "console:";
    public const string EmployeesView = Prefix + "employees.view";
    public const string EmployeesEdit = Prefix + "employees.edit";
    public const string ScimManage = Prefix + "scim.manage";
    public const string SecurityLoginManage = Prefix + "security.login.manage";
    public const string RolesManage = Prefix + "roles.manage";
    public const string AuditView = Prefix + "audit.view";
    public const string AccessKeysManage = Prefix + "accesskeys.manage";
    public const string EventsRead = Prefix + "events.read";
    public const string WebhooksManage = Prefix + "webhooks.manage";

    public static string For(Permission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return Prefix + permission.Key;
    }
}
