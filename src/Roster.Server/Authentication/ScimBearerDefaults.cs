namespace Roster.Server.Authentication;

/// <summary>Names used by SCIM bearer-token authentication.</summary>
public static class ScimBearerDefaults
{
    public const string Scheme = "ScimBearer";
    public const string TenantClaim = "roster:tenant";
    public const string CredentialClaim = "roster:credential";

    /// <summary>The employee profile that owns the credential, credited in the audit log.</summary>
    public const string ProfileClaim = "roster:profile";

    /// <summary>The credential's power now (<see cref="Directory.Roles.PermissionSet.ToText"/>), read on every request.</summary>
    public const string PermissionsClaim = "roster:permissions";
    public const string ScimPolicy = "scim";

    /// <summary>HttpContext item key under which a failed authentication leaves its reason.</summary>
    internal const string FailureReasonKey = "roster:auth-failure";
}
