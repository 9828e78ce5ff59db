namespace Roster.Directory.Sso;

/// <summary>A row of <c>sso_settings</c>: a tenant's sign-in policy. A tenant without one has neither switch on.</summary>
public sealed class SsoSettingsRecord
{
    public Guid TenantId { get; set; }

    /// <summary>Password sign-in (console and admin API) is refused for everyone but the break-glass administrators.</summary>
    public bool SsoOnly { get; set; }

    /// <summary>SCIM provisioning cannot be turned on until <see cref="SsoOnly"/> is (MoEngage's order).</summary>
    public bool ScimRequiresSsoOnly { get; set; }

    /// <summary>Administrators who sign in with a password must use a second factor.</summary>
    public bool AdministratorsNeedSecondFactor { get; set; }
}
