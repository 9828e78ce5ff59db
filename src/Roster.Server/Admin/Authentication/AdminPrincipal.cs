using System.Security.Claims;
using Roster.Directory.Administration;
using Roster.Directory.Roles;

namespace Roster.Server.Admin.Authentication;

/// <summary>Reads the signed-in employee off an admin API request.</summary>
public static class AdminPrincipal
{
    /// <summary>Who is making the change, as the audit log credits it.</summary>
    public static AdminActor GetAdminActor(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.User.FindFirstValue(AdminBasicDefaults.TenantClaim)
            ?? throw new InvalidOperationException("Admin endpoints run only for signed-in employees.");
        var employee = context.User.FindFirstValue(AdminBasicDefaults.EmployeeClaim);

        // An access token is credited to the access key or app it was issued to, as SCIM changes are.
        var credential = context.User.FindFirstValue(AdminApiSchemes.CredentialClaim);
        return new AdminActor(Guid.Parse(tenant), employee is null ? null : Guid.Parse(employee), credential is null ? null : Guid.Parse(credential),
            credential is null ? AdminBasicDefaults.Client : AdminApiSchemes.BearerClient, context.User.Permissions());
    }

    /// <summary>The permissions the signed-in employee holds now (read at sign-in, which the admin API does on every request).</summary>
    public static PermissionSet Permissions(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return PermissionSet.Of(user.FindAll(AdminBasicDefaults.PermissionClaim).Select(c => c.Value));
    }

    public static bool HasPermission(this ClaimsPrincipal user, string permission)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(AdminBasicDefaults.PermissionClaim, permission);
    }
}
