namespace Roster.Server.Admin.Provisioning;

/// <summary>
/// The body of <c>PUT /scim-settings</c>: every setting at once, as the settings form saves them.
/// The switches are required, except <c>enforceVerifiedDomains</c>, <c>tokenMaxDays</c>,
/// <c>unknownRoles</c> (<c>refuse</c>, <c>ignore</c> or <c>default-role</c>) and
/// <c>manualRoleGrants</c>, <c>namesRequired</c>, <c>identifiersNotUpdatable</c> and
/// <c>advertiseCursorPaging</c> (added later): missing keeps its saved value. A missing or null role id
/// means "no such role".
/// </summary>
public sealed record ScimSettingsRequest(
    bool? Enabled,
    Guid? DefaultRoleId,
    Guid? RequiredRoleId,
    bool? UserNameMustBePrimaryEmail,
    bool? NamesNotUpdatable,
    bool? EnforceVerifiedDomains = null,
    int? TokenMaxDays = null,
    string? UnknownRoles = null,
    bool? ManualRoleGrants = null,
    bool? NamesRequired = null,
    bool? IdentifiersNotUpdatable = null,
    bool? AdvertiseCursorPaging = null);
