namespace Roster.Directory.Provisioning;

/// <summary>
/// A row of <c>scim_settings</c>, one per tenant, created with the tenant. Provisioning is
/// enabled for new tenants: <c>roster init</c> and <c>roster serve</c> hand out a SCIM token
/// that must work at once, and no console exists yet to turn it on.
/// </summary>
public sealed class ScimSettingsRecord
{
    public Guid TenantId { get; set; }

    public bool Enabled { get; set; } = true;

    public Guid? DefaultRoleId { get; set; }

    public Guid? RequiredRoleId { get; set; }

    public bool UserNameMustBePrimaryEmail { get; set; }

    public bool NamesNotUpdatable { get; set; }

    public bool EnforceVerifiedDomains { get; set; }

    public DateTimeOffset? LastCallAt { get; set; }

    public string? LastClient { get; set; }

    public int TokenMaxDays { get; set; } = Tokens.ScimTokenPolicy.DefaultMaxDays;

    /// <summary><see cref="UnknownRolePolicies.ToText"/>.</summary>
    public string UnknownRoles { get; set; } = UnknownRolePolicies.Refuse;

    /// <summary>Whether administrators may grant roles by hand beside the IdP's while SCIM provisioning is on.</summary>
    public bool ManualRoleGrants { get; set; }

    /// <summary>Every provisioned user must have name.givenName and name.familyName.</summary>
    public bool NamesRequired { get; set; }

    /// <summary>userName and the email addresses cannot be changed after creation.</summary>
    public bool IdentifiersNotUpdatable { get; set; }

    /// <summary>Whether <c>/ServiceProviderConfig</c> carries RFC 9865's <c>pagination</c> object.</summary>
    public bool AdvertiseCursorPaging { get; set; } = true;
}
