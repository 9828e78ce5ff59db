namespace Roster.Server.Authentication;

/// <summary>Names used by SCIM bearer-token authentication.</summary>
public static class ScimBearerDefaults
{
    public const string Scheme = "ScimBearer";
    public const string TenantClaim = "roster:tenant";
    public const string CredentialClaim = "roster:credential";

    /// <summary>The employee profile that owns the credential, credited in the audit log.</summary>
    public const string ProfileClaim = "roster:profile";

    /// <summary>
    /// The person who signed in and consented, on an access token of the authorization-code flow
    /// only: the subject of <c>/Me</c> (RFC 7644 section 3.11). A SCIM token or a client-credentials
    /// token acts for its owner but was not issued to a person signing in, so it has none.
    /// </summary>
    public const string SubjectClaim = "roster:subject";

    /// <summary>The credential's power now (<see cref="Directory.Roles.PermissionSet.ToText"/>), read on every request.</summary>
    public const string PermissionsClaim = "roster:permissions";
    public const string ScimPolicy = "scim";

    /// <summary>HttpContext item key under which a failed authentication leaves its reason.</summary>
    internal const string FailureReasonKey = "roster:auth-failure";
}
