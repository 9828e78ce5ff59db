namespace Roster.Directory.Provisioning;

/// <summary>A tenant's SCIM settings and provisioning policies.</summary>
/// <param name="TenantId">The tenant (org ID) the settings belong to.</param>
/// <param name="Enabled">When false, every SCIM call of the tenant is refused with 403.</param>
/// <param name="DefaultRoleId">The role given to a provisioned user whose request names none.</param>
/// <param name="RequiredRoleId">The role every provisioned user gets (CXone's "Agent").</param>
/// <param name="UserNameMustBePrimaryEmail">userName must be an email equal to the primary email (MoEngage).</param>
/// <param name="NamesNotUpdatable">name.givenName and name.familyName are set at creation and never changed by SCIM.</param>
/// <param name="EnforceVerifiedDomains">Every email domain of a provisioned user must be a verified domain of the tenant.</param>
/// <param name="LastCallAt">The last authenticated SCIM call, to the minute; null until the first.</param>
/// <param name="LastClient">The client of that call (Okta, Entra ID, ...).</param>
/// <param name="TokenMaxDays">The longest lifetime, in days, an administrator may give a SCIM token.</param>
/// <param name="UnknownRoles">What a <c>roles</c> value that names no role gets.</param>
/// <param name="ManualRoleGrants">Whether administrators may grant roles by hand beside the IdP's while SCIM provisioning is on.</param>
/// <param name="NamesRequired">Every provisioned user must have name.givenName and name.familyName (MoEngage).</param>
/// <param name="IdentifiersNotUpdatable">userName and the email addresses are set at creation and never changed by SCIM (MoEngage).</param>
/// <param name="AdvertiseCursorPaging">
/// Whether <c>/ServiceProviderConfig</c> carries RFC 9865's <c>pagination</c> object; off for client
/// libraries that validate the document against RFC 7643 alone and refuse it (cursor paging still works).
/// </param>
public sealed record ScimSettings(
    Guid TenantId,
    bool Enabled,
    Guid? DefaultRoleId,
    Guid? RequiredRoleId,
    bool UserNameMustBePrimaryEmail,
    bool NamesNotUpdatable,
    bool EnforceVerifiedDomains,
    DateTimeOffset? LastCallAt,
    string? LastClient,
    int TokenMaxDays = Tokens.ScimTokenPolicy.DefaultMaxDays,
    UnknownRolePolicy UnknownRoles = UnknownRolePolicy.Refuse,
    bool ManualRoleGrants = false,
    bool NamesRequired = false,
    bool IdentifiersNotUpdatable = false,
    bool AdvertiseCursorPaging = true)
{
    public ScimProvisioningStatus Status => LastCallAt is null ? ScimProvisioningStatus.Inactive : ScimProvisioningStatus.Active;

    /// <summary>The settings of a new tenant: enabled, no roles, no policies, never called.</summary>
    public static ScimSettings Default(Guid tenantId) => new(tenantId, true, null, null, false, false, false, null, null);
}
