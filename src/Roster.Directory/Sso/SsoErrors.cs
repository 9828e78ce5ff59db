using Roster.Directory.Administration;

namespace Roster.Directory.Sso;

/// <summary>The single sign-on use cases' errors.</summary>
internal static class SsoErrors
{
    // Without the id: the answer for another organization's connection must read as for one that never existed.
    public static AdminError NotFound() => AdminError.NotFound("There is no such SSO connection in this organization.");

    public static AdminError NameTaken(string name) => AdminError.Conflict($"An SSO connection named '{name}' already exists in this organization.");

    public static AdminError TooMany() => AdminError.Validation($"An organization has at most {SsoConnectionRules.MaxConnections} SSO connections.");

    public static AdminError LastForSsoOnly() => AdminError.Conflict(
        "This organization signs in with SSO only and this is its last enabled connection: turn 'SSO only' off first (Security > Login), or enable another connection.");

    public static AdminError SsoOnlyNeedsConnection() => AdminError.Validation(
        "'SSO only' needs an enabled SSO connection that people can sign in through: add one under Security > Login first.")
    with
    { Field = "ssoOnly" };

    public static AdminError SsoOnlyNeedsBreakGlass() => AdminError.Validation(
        "'SSO only' needs at least one break-glass administrator, who may still sign in with a password when the identity provider fails: " +
        "name one in the same change, so that the organization cannot lock itself out.")
    with
    { Field = "breakGlass" };

    /// <summary>
    /// A change that would leave an SSO-only organization without a standing break-glass
    /// administrator (<see cref="Sso.LastBreakGlass"/>): about <paramref name="field"/> when the request
    /// names one, else a conflict with the organization's state (a deletion).
    /// </summary>
    public static AdminError NoBreakGlassLeft(string names, string? field)
    {
        var error = AdminError.Validation(
            $"This organization signs in with SSO only, and this change would leave it without a break-glass administrator who can sign in with a password " +
            $"and manage login settings (not deactivated, holding 'security.login.manage'); the last is {names}. " +
            "Name another break-glass administrator under Security > Login first, or turn 'SSO only' off, so that an identity provider outage cannot lock the organization out.");
        return field is null ? error with { Kind = AdminErrorKind.Conflict } : error with { Field = field };
    }

    public static AdminError SsoOnlyNeededByScim() => AdminError.Conflict(
        "SCIM provisioning is on and this organization's policy 'SCIM requires SSO only' is set: turn SCIM provisioning off (or the policy) before turning 'SSO only' off.");

    public static AdminError PolicyNeedsSsoOnly() => AdminError.Conflict(
        "SCIM provisioning is on but 'SSO only' is not: turn 'SSO only' on first, or turn SCIM provisioning off before setting 'SCIM requires SSO only'.");

    /// <summary>Turning SCIM on under the policy "SCIM requires SSO only" (MoEngage's order of steps).</summary>
    public static AdminError ScimNeedsSsoOnly() => AdminError.Conflict(
        "SCIM provisioning needs 'SSO only' first (this organization's policy 'SCIM requires SSO only'): " +
        "set up an SSO connection and turn 'SSO only' on under Security > Login, then turn SCIM provisioning on.")
    with
    { Field = "enabled" };

    public static AdminError UnknownAuthenticator(string text) => AdminError.Validation(
        $"'{text}' is not a login authenticator of this organization: use 'password', or the name or id of one of its SSO connections (as 'sso:<id>').")
    with
    { Field = "loginAuthenticator" };
}
