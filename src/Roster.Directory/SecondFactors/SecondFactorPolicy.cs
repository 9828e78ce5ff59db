using Roster.Directory.Roles;

namespace Roster.Directory.SecondFactors;

/// <summary>
/// Who the tenant's policy "administrators must use a second factor"
/// (<see cref="Sso.SsoSettings.AdministratorsNeedSecondFactor"/>) applies to: anyone whose
/// effective roles hold <c>roles.manage</c> or <c>security.login.manage</c>, the two
/// permissions that decide who holds what and how everyone signs in.
/// </summary>
public static class SecondFactorPolicy
{
    public static bool IsAdministrator(PermissionSet permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        return permissions.Holds(Permission.RolesManage) || permissions.Holds(Permission.SecurityLoginManage);
    }
}
