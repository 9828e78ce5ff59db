namespace Roster.Server.Admin.Authentication;

/// <summary>Names used by the admin API's authentication (HTTP Basic with an employee's email and password).</summary>
public static class AdminBasicDefaults
{
    public const string Scheme = "AdminBasic";
    public const string Policy = "admin";
    public const string Realm = "Roster admin";
    public const string TenantClaim = "roster:admin-tenant";
    public const string EmployeeClaim = "roster:employee";
    public const string PermissionClaim = "roster:permission";

    /// <summary>What the admin API writes in the audit log as the client of a change.</summary>
    public const string Client = "admin-api";

    /// <summary>HttpContext item key under which a failed authentication leaves its reason.</summary>
    internal const string FailureReasonKey = "roster:admin-auth-failure";
}
