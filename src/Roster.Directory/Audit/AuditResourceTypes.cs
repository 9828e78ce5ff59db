namespace Roster.Directory.Audit;

/// <summary>The <c>resource_type</c> of audit events.</summary>
public static class AuditResourceTypes
{
    public const string User = "User";
    public const string Group = "Group";
    public const string Role = "Role";

    /// <summary>An employee profile: the same row as the <see cref="User"/> with the same id.</summary>
    public const string Employee = "Employee";

    /// <summary>A tenant's SCIM settings; the resource id is the tenant's org ID.</summary>
    public const string ScimSettings = "ScimSettings";

    /// <summary>A tenant's own SCIM schema extension (its definition, not the values users hold).</summary>
    public const string SchemaExtension = "SchemaExtension";

    /// <summary>An email domain of the tenant (verified or not).</summary>
    public const string Domain = "Domain";

    /// <summary>A SCIM bearer token (never its secret).</summary>
    public const string ScimToken = "ScimToken";

    /// <summary>An access key (never its secret).</summary>
    public const string AccessKey = "AccessKey";

    /// <summary>An OAuth app registration (never its client secret).</summary>
    public const string App = "App";

    /// <summary>A webhook endpoint (never its signing secret).</summary>
    public const string Webhook = "Webhook";

    /// <summary>A role rule: an IdP group or <c>roles</c> value mapped to a role.</summary>
    public const string RoleRule = "RoleRule";

    /// <summary>A single sign-on connection (never its client secret or signing key).</summary>
    public const string SsoConnection = "SsoConnection";

    /// <summary>A tenant's sign-in policy (SSO only, break-glass administrators); the resource id is the tenant's org ID.</summary>
    public const string SsoSettings = "SsoSettings";
}
