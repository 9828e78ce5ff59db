using System.Security.Claims;
using Roster.Directory.Resources;
using Roster.Directory.Roles;
using Roster.Directory.SchemaExtensions;
using Roster.Server.Authentication;

namespace Roster.Server.Scim.Http;

/// <summary>Reads the authenticated <see cref="ScimCaller"/> off a request.</summary>
public static class ScimCallerAccessor
{
    public static ScimCaller GetScimCaller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenant = context.User.FindFirstValue(ScimBearerDefaults.TenantClaim)
            ?? throw new InvalidOperationException("SCIM endpoints run only for authenticated callers.");
        var credential = context.User.FindFirstValue(ScimBearerDefaults.CredentialClaim);
        var profile = context.User.FindFirstValue(ScimBearerDefaults.ProfileClaim);
        return new ScimCaller(
            Guid.Parse(tenant),
            credential is null ? null : Guid.Parse(credential),
            ScimClientNames.Identify(context.Request),
            profile is null ? null : Guid.Parse(profile),
            context.User.ScimPermissions())
        {
            Schemas = context.GetTenantSchemas(),
        };
    }

    /// <summary>The tenant's schemas as <see cref="TenantSchemasFilter"/> read them; Roster's own outside a SCIM request.</summary>
    public static TenantSchemas GetTenantSchemas(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(typeof(TenantSchemas), out var schemas) && schemas is TenantSchemas read ? read : TenantSchemas.Standard;
    }

    /// <summary>The credential's power, as authentication read it; nothing when the claim is missing.</summary>
    public static PermissionSet ScimPermissions(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return PermissionSet.Parse(user.FindFirstValue(ScimBearerDefaults.PermissionsClaim), PermissionSet.None);
    }
}
