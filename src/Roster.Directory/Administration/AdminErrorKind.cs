namespace Roster.Directory.Administration;

/// <summary>What went wrong with an administrator's request; the admin API maps each kind to an HTTP status.</summary>
public enum AdminErrorKind
{
    /// <summary>The thing named does not exist in the tenant (404).</summary>
    NotFound,

    /// <summary>The request clashes with the current state, e.g. a name already taken (409).</summary>
    Conflict,

    /// <summary>A value in the request is missing or not allowed (400).</summary>
    Validation,

    /// <summary>
    /// SCIM provisioning is on for the tenant, so its identity provider owns the users; manual
    /// changes are refused until SCIM is turned off (409 or 403, as the admin API decides).
    /// </summary>
    ManagedByScim,

    /// <summary>
    /// The actor is signed in and may use the endpoint, but this change needs permissions they do
    /// not hold (<see cref="Roles.PrivilegeRules"/>): giving a role, changing a person or issuing a
    /// credential beyond their own power (403).
    /// </summary>
    Forbidden,

    /// <summary>
    /// What was asked for existed but is gone for good, e.g. events past the feed's retention: the
    /// caller must start again from a snapshot (410).
    /// </summary>
    Gone,
}
