using System.Net;
using Roster.Scim.Errors;

namespace Roster.Directory.Provisioning;

/// <summary>The SCIM errors of the provisioning rules, worded for the administrator who reads them in the IdP's log.</summary>
internal static class ProvisioningErrors
{
    private const int RolesListed = 5;

    public static ScimError Disabled() => new(HttpStatusCode.Forbidden, null,
        "SCIM provisioning is turned off for this organization; an administrator can turn it on in the SCIM settings.");

    public static ScimError UnknownRole(string name, IReadOnlyList<string> activeRoles) => ScimError.InvalidValue(
        $"The role '{name}' does not exist in this organization; role names are case-sensitive ({Existing(activeRoles)}).");

    public static ScimError InactiveRole(string name) => ScimError.InvalidValue(
        $"The role '{name}' is deactivated in this organization; an administrator can activate it, or the IdP can send another role.");

    public static ScimError RoleWithoutValue() => ScimError.InvalidValue("Each of 'roles' must have a 'value': the name of a role of this organization.");

    public static ScimError SettingsRoleUnusable(string use, string? name) => ScimError.InvalidValue(name is null
        ? $"The {use} set in this organization's SCIM settings no longer exists; an administrator must choose another {use} in the SCIM settings."
        : $"Every user provisioned in this organization gets the {use} '{name}', but that role is deactivated; an administrator must activate it or change the {use} in the SCIM settings.");

    public static ScimError UserNameNotEmail(string userName, string problem) => ScimError.InvalidValue(
        $"userName '{userName}' is not an email address ({problem}); this organization requires userName to be the user's primary email.");

    public static ScimError NotAnEmail(string attribute, string value, string problem) => ScimError.InvalidValue(
        $"{attribute} '{value}' is not an email address Roster accepts: {problem}. This organization requires verified email domains, so every address must be exact.");

    public static ScimError NoPrimaryEmail(string userName) => ScimError.InvalidValue(
        $"userName '{userName}' must equal the user's primary email, but the user has none; send 'emails' with one value marked \"primary\": true.");

    public static ScimError UserNameNotPrimaryEmail(string userName, string email) => ScimError.InvalidValue(
        $"userName '{userName}' must equal the primary email '{email}' in this organization; send the same address in both.");

    public static ScimError NameNotUpdatable(string attribute, string? before, string? after) => ScimError.Mutability(
        $"'{attribute}' cannot be changed in this organization (its SCIM settings make names not updatable): it is {Quote(before)} and the request would make it {Quote(after)}.");

    public static ScimError NameRequired(string attribute) => ScimError.InvalidValue(
        $"'{attribute}' is required in this organization (its SCIM settings require first and last names); send name.givenName and name.familyName.");

    public static ScimError IdentifierNotUpdatable(string attribute, string? before, string? after) => ScimError.Mutability(
        $"'{attribute}' cannot be changed in this organization (its SCIM settings make userName and emails not updatable after creation): it is {Quote(before)} and the request would make it {Quote(after)}.");

    public static ScimError DomainNotVerified(string domain) => ScimError.InvalidValue(
        $"The email domain '{domain}' is not verified for this organization; verify it under Verified domains or turn off domain enforcement.");

    private static string Existing(IReadOnlyList<string> roles) => roles.Count switch
    {
        0 => "this organization has no active roles",
        <= RolesListed => "existing: " + string.Join(", ", roles),
        _ => "existing: " + string.Join(", ", roles.Take(RolesListed)) + $" and {roles.Count - RolesListed} more",
    };

    private static string Quote(string? value) => value is null ? "not set" : $"'{value}'";
}
