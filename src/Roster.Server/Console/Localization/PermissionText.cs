using Microsoft.Extensions.Localization;
using Roster.Directory.Roles;

namespace Roster.Server.Console.Localization;

/// <summary>
/// A permission in the person's language, and the words the products' setup guides use for it
/// ("従業員の作成と編集", "SCIM 权限", "Setup &amp; Manage" on Login), so that an administrator
/// following a guide finds the checkbox it names. The catalogue's own descriptions stay English
/// for the admin API; the console says them through here, one literal each, so that the
/// untranslated-text test sees every one (it reads the sentences given to <c>T</c>, hence the parameter's name).
/// </summary>
public static class PermissionText
{
    public static string Description(IStringLocalizer T, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(permission);
        return permission.Key switch
        {
            "employees.view" => T["View employee profiles."].Value,
            "employees.edit" => T["Create and edit employee profiles."].Value,
            "scim.manage" => T["Manage SCIM settings and SCIM tokens."].Value,
            "security.login.manage" => T["Set up and manage login and security settings."].Value,
            "roles.manage" => T["Create, rename, change and deactivate roles."].Value,
            "audit.view" => T["View the audit log."].Value,
            "accesskeys.manage" => T["Create, deactivate and delete access keys."].Value,
            "events.read" => T["Read the change feed and the webhook delivery log."].Value,
            "webhooks.manage" => T["Register, change and remove webhook endpoints; redeliver events."].Value,
            _ => permission.Description,
        };
    }

    /// <summary>What the setup guides call this permission, or null when no guide names it.</summary>
    public static string? GuideWords(IStringLocalizer T, Permission permission)
    {
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(permission);
        return permission.Key switch
        {
            "employees.view" => T["CXone guide: \"View\" under Employees on the Admin tab, turned on with Create and Edit."].Value,
            "employees.edit" => T["CXone guide: \"Create and Edit\" under Employees on the Admin tab (the access key's role)."].Value,
            "scim.manage" => T["CXone guide: the \"SCIM\" permission under General Permissions. MoEngage guide: \"Setup & Manage\" on the Login component."].Value,
            "security.login.manage" => T["MoEngage guide: \"Setup & Manage\" on the Login component (single sign-on, SSO only)."].Value,
            "roles.manage" => T["CXone guide: Security > Roles and permissions (creating the Agent role)."].Value,
            "accesskeys.manage" => T["CXone guide: creating the access key that Okta authenticates with."].Value,
            _ => null,
        };
    }
}
