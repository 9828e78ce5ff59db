namespace Roster.Directory.Roles;

/// <summary>
/// Roster's privilege model, in one place: <b>no path lets a person obtain a permission they do
/// not hold</b>, and a credential's power never exceeds its owner's (docs/security.md, "The
/// privilege model"). Every use case that grants a role, changes a role, changes a person or
/// issues a credential asks one of these rules first, whichever door the request came through
/// (admin API, console, SCIM, OAuth); the operator (<see cref="PermissionSet.Unbounded"/>) passes
/// all of them. Each rule answers null when allowed, else a sentence that names what is missing.
/// </summary>
public static class PrivilegeRules
{
    /// <summary>How a refusal names a person's own permissions (admin API, console).</summary>
    public const string Yours = "your";

    /// <summary>How a refusal names a SCIM or OAuth credential's permissions (its owner's, within its ceiling).</summary>
    public const string Credentials = "this credential's";

    /// <summary>
    /// Changing a person (their roles, names, status, or deleting or inviting them) needs every
    /// permission they hold: otherwise whoever edits could take over, or hand out, more than
    /// they have.
    /// </summary>
    public static string? Govern(PermissionSet actor, PermissionSet target, string targetName, string possessive)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var missing = actor.Missing(target);
        return missing.Count == 0 ? null
            : $"Changing {targetName} needs every permission they hold; {List(missing)} {IsOrAre(missing)} not among {possessive} permissions.";
    }

    /// <summary>Giving someone a role (directly, by a default or required role, by SCIM) needs every permission it grants.</summary>
    public static string? Grant(PermissionSet actor, Role role, string possessive)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(role);
        var missing = actor.Missing(PermissionSet.Of(role.Permissions.Select(p => p.Key)));
        return missing.Count == 0 ? null
            : $"Giving the role '{role.Name}' needs every permission it grants; {List(missing)} {IsOrAre(missing)} not among {possessive} permissions.";
    }

    /// <summary>
    /// Creating, renaming, activating, deactivating a role or changing its permissions needs
    /// every permission it grants before and after: a role is a grant to everyone who holds it.
    /// </summary>
    public static string? ChangeRole(PermissionSet actor, Role? before, Role after)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(after);
        var keys = (before?.Permissions ?? []).Concat(after.Permissions).Select(p => p.Key);
        var missing = actor.Missing(PermissionSet.Of(keys));
        return missing.Count == 0 ? null
            : $"Changing the role '{after.Name}' needs every permission it grants, before and after the change; {List(missing)} {IsOrAre(missing)} not among your permissions.";
    }

    /// <summary>
    /// Issuing or reactivating a credential that acts for <paramref name="ownerName"/> (a SCIM
    /// token, an access key, a back-end app) needs every permission the owner holds.
    /// </summary>
    public static string? Issue(PermissionSet actor, PermissionSet owner, string credential, string ownerName)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var missing = actor.Missing(owner);
        return missing.Count == 0 ? null
            : $"Making {credential} that acts for {ownerName} needs every permission they hold; {List(missing)} {IsOrAre(missing)} not among your permissions.";
    }

    /// <summary>
    /// The ceiling stored with a credential: what its issuer held when issuing it, so that a later
    /// promotion of its owner never hands the issuer (who saw the secret) more than they had.
    /// None (null) when the owner issues for themselves or the operator issues: the credential
    /// then follows its owner's permissions.
    /// </summary>
    public static string? CeilingFor(PermissionSet issuer, Guid? issuerId, Guid ownerId)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        return issuer.IsUnbounded || issuerId == ownerId ? null : issuer.ToText();
    }

    private static string List(IReadOnlyList<Permission> permissions) =>
        permissions.Count == 1 ? $"'{permissions[0].Key}'"
            : string.Join(", ", permissions.Take(permissions.Count - 1).Select(p => $"'{p.Key}'")) + $" and '{permissions[^1].Key}'";

    private static string IsOrAre(IReadOnlyList<Permission> permissions) => permissions.Count == 1 ? "is" : "are";
}
